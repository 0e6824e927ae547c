import { parseQuery, route } from "@/lib/http";
import { snapshotJson } from "@/lib/snapshot-response";
import { ZConflictExplainQuery } from "@/lib/conflict/schemas";
import { explainConflictDay } from "@/lib/conflict/queries";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const q = parseQuery(ZConflictExplainQuery, req.url);
  return snapshotJson(req, (tx) => explainConflictDay(tx, q));
});
