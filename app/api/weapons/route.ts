import { getDb } from "@/lib/db";
import { parseQuery, route } from "@/lib/http";
import { ZWeaponsQuery } from "@/lib/weapons/schemas";
import { getWeapons } from "@/lib/weapons/queries";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => Response.json(await getWeapons(getDb(), parseQuery(ZWeaponsQuery, req.url))));
