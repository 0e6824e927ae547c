import { getDb } from "@/lib/db";
import { route } from "@/lib/http";
import { currentSession } from "@/lib/auth-routes";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => Response.json(await currentSession(req, getDb()), { headers: { "cache-control": "no-store" } }));
