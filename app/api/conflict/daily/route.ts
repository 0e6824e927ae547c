import { parseQuery, route } from "@/lib/http";
import { snapshotJson } from "@/lib/snapshot-response";
import { ZConflictDailyQuery } from "@/lib/conflict/schemas";
import { getConflictDaily } from "@/lib/conflict/queries";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const q = parseQuery(ZConflictDailyQuery, req.url);
  return snapshotJson(req, (tx) => getConflictDaily(tx, q));
});
