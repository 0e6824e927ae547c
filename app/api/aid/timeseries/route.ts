import { getDb } from "@/lib/db";
import { parseQuery, route } from "@/lib/http";
import { ZTimeseriesQuery } from "@/lib/aid/schemas";
import { getAidTimeseries } from "@/lib/aid/queries";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => Response.json(await getAidTimeseries(getDb(), parseQuery(ZTimeseriesQuery, req.url))));
