import { parseQuery, route } from "@/lib/http";
import { snapshotJson } from "@/lib/snapshot-response";
import { ZExplainQuery } from "@/lib/escalation/schemas";
import { explainEscalation } from "@/lib/escalation/queries";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const q = parseQuery(ZExplainQuery, req.url);
  return snapshotJson(req, (tx) => explainEscalation(tx, q));
});
