import { getDb } from "@/lib/db";
import { route } from "@/lib/http";
import { getMeta } from "@/lib/meta/queries";

export const dynamic = "force-dynamic";

export const GET = route(async () => Response.json(await getMeta(getDb())));
