import { z } from "zod";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authLimiter } from "@/lib/auth";
import { authFor } from "@/lib/auth-server";
import { clientKey } from "@/lib/security/failure-limiter";
import { isRole } from "@/lib/permissions/roles";

/**
 * The three better-auth endpoints the app mounts (sign in, sign out, session),
 * each in its own route file: better-auth's other endpoints (sign-up, password
 * reset by email, account linking) are not reachable at all. Its errors are
 * turned into the API's one error shape.
 */

export const ZSignIn = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(256),
  rememberMe: z.boolean().optional(),
});
export type TSignIn = z.infer<typeof ZSignIn>;

function forward(req: Request, path: string, body?: unknown): Request {
  const url = new URL(req.url);
  url.pathname = `/api/auth/${path}`;
  url.search = "";
  const headers = new Headers(req.headers);
  headers.delete("content-length");
  if (body !== undefined) headers.set("content-type", "application/json");
  return new Request(url, { method: req.method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** better-auth's answer, or the API's error when it refused (its own body names internals such as error codes). */
async function relay(res: Response, refused: () => AppError): Promise<Response> {
  if (res.ok) return res;
  await res.body?.cancel().catch(() => {});
  throw refused();
}

/**
 * Signs in with email and password. Failures count in the same limiter as bad
 * bearer tokens, and a blocked client gets 429 before its password is checked.
 */
export async function signIn(req: Request, db: Db, body: TSignIn): Promise<Response> {
  const limiter = authLimiter();
  const key = clientKey(req);
  const wait = limiter.retryAfter(key, Date.now());
  if (wait > 0) {
    throw new AppError("TOO_MANY_REQUESTS", `Too many failed sign-ins: retry in ${wait} s`, [], { headers: { "retry-after": String(wait) } });
  }
  const res = await relay(await authFor(db, req).handler(forward(req, "sign-in/email", body)), () => {
    limiter.fail(key, Date.now());
    return new AppError("UNAUTHORIZED", "Wrong email or password");
  });
  return withCookiesOf(res, await currentSessionFromCookies(req, db, res));
}

/**
 * better-auth's sign-in body repeats the session token: keep only its cookies,
 * so the token never reaches page scripts (the cookie is HTTP-only).
 */
function withCookiesOf(res: Response, body: SessionDto): Response {
  const headers = new Headers({ "cache-control": "no-store" });
  for (const c of res.headers.getSetCookie()) headers.append("set-cookie", c);
  return Response.json(body, { headers });
}

async function currentSessionFromCookies(req: Request, db: Db, res: Response): Promise<SessionDto> {
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return currentSession({ headers: new Headers({ cookie }), url: req.url }, db);
}

export async function signOut(req: Request, db: Db): Promise<Response> {
  const res = await relay(await authFor(db, req).handler(forward(req, "sign-out", {})), () => new AppError("BAD_REQUEST", "Not signed in"));
  return withCookiesOf(res, { user: null });
}

export interface SessionDto {
  user: { id: string; email: string; name: string; role: string } | null;
}

/** Who the browser is signed in as (null when nobody): pages use it to show what the role allows. */
export async function currentSession(req: Request | { headers: Headers; url?: string }, db: Db): Promise<SessionDto> {
  const session = await authFor(db, req as Request).api.getSession({ headers: req.headers });
  if (!session) return { user: null };
  const role = (session.user as { role?: unknown }).role;
  return { user: { id: session.user.id, email: session.user.email, name: session.user.name, role: isRole(role) ? role : "viewer" } };
}
