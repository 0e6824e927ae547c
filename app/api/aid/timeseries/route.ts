import { parseQuery, route } from "@/lib/http";
import { snapshotJson } from "@/lib/snapshot-response";
import { ZTimeseriesQuery } from "@/lib/aid/schemas";
import { getAidTimeseries } from "@/lib/aid/queries";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const q = parseQuery(ZTimeseriesQuery, req.url);
  return snapshotJson(req, (tx) => getAidTimeseries(tx, q));
});
