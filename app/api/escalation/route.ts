import { getDb } from "@/lib/db";
import { parseQuery, route } from "@/lib/http";
import { ZEscalationQuery } from "@/lib/escalation/schemas";
import { getEscalationSeries } from "@/lib/escalation/queries";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => Response.json(await getEscalationSeries(getDb(), parseQuery(ZEscalationQuery, req.url))));
