import { getDb } from "@/lib/db";
import { parseJsonBody, route } from "@/lib/http";
import { signIn, ZSignIn } from "@/lib/auth-routes";

export const dynamic = "force-dynamic";

/** Sets the session cookie (HTTP-only, SameSite=Lax, Secure over HTTPS). */
export const POST = route(async (req) => signIn(req, getDb(), await parseJsonBody(ZSignIn, req)));
