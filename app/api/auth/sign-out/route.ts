import { getDb } from "@/lib/db";
import { route } from "@/lib/http";
import { signOut } from "@/lib/auth-routes";

export const dynamic = "force-dynamic";

export const POST = route(async (req) => signOut(req, getDb()));
