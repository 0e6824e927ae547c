import { getDb } from "@/lib/db";
import { parseQuery, route } from "@/lib/http";
import { ZExplainQuery } from "@/lib/escalation/schemas";
import { explainEscalation } from "@/lib/escalation/queries";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => Response.json(await explainEscalation(getDb(), parseQuery(ZExplainQuery, req.url))));
