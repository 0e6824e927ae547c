import { parseQuery, route } from "@/lib/http";
import { snapshotJson } from "@/lib/snapshot-response";
import { ZConflictRegionsQuery } from "@/lib/conflict/schemas";
import { getConflictRegions } from "@/lib/conflict/queries";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const q = parseQuery(ZConflictRegionsQuery, req.url);
  return snapshotJson(req, (tx) => getConflictRegions(tx, q));
});
