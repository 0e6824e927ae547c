import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authLimiter, bearerToken, configuredHashes, hashToken, sameDigest } from "@/lib/auth";
import { authFor } from "@/lib/auth-server";
import { clientKey } from "@/lib/security/failure-limiter";
import { can, isRole, roleRank, type Action, type Role } from "@/lib/permissions/roles";

/** Who a request acts for: a signed-in user, or a script's bearer token. */
export interface Principal {
  /** Null for the env token (API_TOKEN_SHA256), which belongs to no account. */
  userId: string | null;
  /** As the audit trail shows it: the user's email, plus the token's label for tokens. */
  label: string;
  role: Role;
  via: "session" | "token";
}

function lower(a: Role, b: Role): Role {
  return roleRank(a) <= roleRank(b) ? a : b;
}

/**
 * A bearer token's principal. Failures count towards the shared throttle, and
 * a blocked client gets 429 before its token is even looked at.
 */
async function tokenPrincipal(req: Request, db: Db, token: string): Promise<Principal> {
  const limiter = authLimiter();
  const key = clientKey(req);
  const wait = limiter.retryAfter(key, Date.now());
  if (wait > 0) {
    throw new AppError("TOO_MANY_REQUESTS", `Too many failed authentication attempts: retry in ${wait} s`, [], {
      headers: { "retry-after": String(wait) },
    });
  }
  const fail = (message: string) => {
    limiter.fail(key, Date.now());
    return new AppError("UNAUTHORIZED", message);
  };
  const digest = hashToken(token);
  // The env token is the operators' script key (CI, e2e): admin-equivalent, owned by no account.
  if (configuredHashes().some((h) => sameDigest(h, digest))) return { userId: null, label: "token:env", role: "admin", via: "token" };
  const row = await db.apiToken.findUnique({ where: { tokenHash: digest }, include: { user: true } });
  if (!row || row.revokedAt) throw fail("Invalid bearer token");
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) throw fail("Bearer token expired");
  const tokenRole: Role = isRole(row.role) ? row.role : "viewer";
  // A token never acts above its owner's current role (a demoted owner demotes their tokens).
  const role = row.user ? lower(tokenRole, isRole(row.user.role) ? row.user.role : "viewer") : tokenRole;
  return { userId: row.userId, label: row.user ? `${row.user.email} (token ${row.label})` : `token:${row.label}`, role, via: "token" };
}

/** The request's principal, or null when it carries neither a bearer token nor a valid session cookie. */
export async function getPrincipal(req: Request, db: Db): Promise<Principal | null> {
  const header = req.headers.get("authorization");
  if (header !== null) {
    const token = bearerToken(req);
    if (!token) throw new AppError("UNAUTHORIZED", "Malformed Authorization header: send Authorization: Bearer <token>");
    return tokenPrincipal(req, db, token);
  }
  const session = await authFor(db, req).api.getSession({ headers: req.headers });
  if (!session) return null;
  const role = (session.user as { role?: unknown }).role;
  return { userId: session.user.id, label: session.user.email, role: isRole(role) ? role : "viewer", via: "session" };
}

/**
 * 401 without a session or token, 403 when the role lacks `action` (lib/permissions/roles.ts).
 * Every write route calls this (or requireAnyPermission) before it reads the body.
 */
export async function requirePermission(req: Request, db: Db, action: Action): Promise<Principal> {
  return requireAnyPermission(req, db, [action]);
}

export async function requireAnyPermission(req: Request, db: Db, actions: readonly Action[]): Promise<Principal> {
  const principal = await getPrincipal(req, db);
  if (!principal) throw new AppError("UNAUTHORIZED", "Sign in, or send Authorization: Bearer <token>");
  if (!actions.some((a) => can(principal.role, a))) {
    throw new AppError("FORBIDDEN", `Your role (${principal.role}) may not do this`);
  }
  return principal;
}
