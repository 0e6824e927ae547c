import { getDb } from "@/lib/db";
import { parseJsonBody, parseQuery, route } from "@/lib/http";
import { requirePermission } from "@/lib/auth-principal";
import { createApiToken, listApiTokens, revokeApiToken, ZRevokeQuery, ZTokenCreate } from "@/lib/auth-tokens";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const db = getDb();
  await requirePermission(req, db, "token.manage");
  return Response.json({ items: await listApiTokens(db) }, { headers: { "cache-control": "no-store" } });
});

/** Creates a script token; the answer holds the token itself, the only time it is shown. */
export const POST = route(async (req) => {
  const db = getDb();
  const principal = await requirePermission(req, db, "token.manage");
  return Response.json(await createApiToken(db, principal, await parseJsonBody(ZTokenCreate, req)), { status: 201, headers: { "cache-control": "no-store" } });
});

/** Revokes a token (?id=…): it stops working at once and stays listed, marked revoked. */
export const DELETE = route(async (req) => {
  const q = parseQuery(ZRevokeQuery, req.url);
  const db = getDb();
  const principal = await requirePermission(req, db, "token.manage");
  return Response.json(await revokeApiToken(db, principal, q.id));
});
