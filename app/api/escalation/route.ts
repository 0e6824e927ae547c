import { parseQuery, route } from "@/lib/http";
import { snapshotJson } from "@/lib/snapshot-response";
import { ZEscalationQuery } from "@/lib/escalation/schemas";
import { getEscalationSeries } from "@/lib/escalation/queries";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const q = parseQuery(ZEscalationQuery, req.url);
  return snapshotJson(req, (tx) => getEscalationSeries(tx, q));
});
