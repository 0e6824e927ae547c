import { getDb } from "@/lib/db";
import { parseJsonBody, route } from "@/lib/http";
import { requirePermission } from "@/lib/auth-principal";
import { createUserAccount, listUsers, setUserRole, ZUserCreate, ZUserRoleChange } from "@/lib/auth-users";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const db = getDb();
  await requirePermission(req, db, "user.manage");
  return Response.json({ items: await listUsers(db) }, { headers: { "cache-control": "no-store" } });
});

/** An admin creates an account (there is no public sign-up) and hands its first password to the analyst. */
export const POST = route(async (req) => {
  const db = getDb();
  const principal = await requirePermission(req, db, "user.manage");
  return Response.json(await createUserAccount(db, principal, await parseJsonBody(ZUserCreate, req)), { status: 201 });
});

/** Changes a user's role. */
export const PATCH = route(async (req) => {
  const db = getDb();
  const principal = await requirePermission(req, db, "user.manage");
  const body = await parseJsonBody(ZUserRoleChange, req);
  return Response.json(await setUserRole(db, principal, body.id, body.role));
});
