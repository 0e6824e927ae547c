import { getDb } from "@/lib/db";
import { parseQuery, route } from "@/lib/http";
import { ZAidFilters } from "@/lib/aid/schemas";
import { getAidSummary } from "@/lib/aid/queries";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => Response.json(await getAidSummary(getDb(), parseQuery(ZAidFilters, req.url))));
