import { parseQuery, route } from "@/lib/http";
import { snapshotJson } from "@/lib/snapshot-response";
import { ZAidFilters } from "@/lib/aid/schemas";
import { getAidSummary } from "@/lib/aid/queries";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const q = parseQuery(ZAidFilters, req.url);
  return snapshotJson(req, (tx) => getAidSummary(tx, q));
});
