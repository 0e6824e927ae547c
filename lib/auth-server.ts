import { randomBytes, randomUUID } from "node:crypto";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { providerOf, type Db } from "@/lib/db";

/**
 * Sessions and passwords (better-auth, email + password). Users exist only
 * when an admin or the user:create CLI makes them: sign-up is off. Roles live
 * on the user row and mean what lib/permissions/roles.ts says; better-auth's
 * admin plugin is not used because it brings a second role model.
 */

// Without BETTER_AUTH_SECRET each process makes up its own: safe, but every
// restart signs everyone out and several instances would not share sessions.
const store = globalThis as unknown as { __authSecret?: string; __auth?: WeakMap<Db, { plain?: Auth; secure?: Auth }> };
function authSecret(): string {
  const configured = process.env.BETTER_AUTH_SECRET;
  if (configured) return configured;
  if (!store.__authSecret) {
    console.warn("BETTER_AUTH_SECRET is not set: sessions last until this process stops");
    store.__authSecret = randomBytes(32).toString("base64url");
  }
  return store.__authSecret;
}

/** Session lifetime, and how often an active session is pushed forward. */
const SESSION_SECONDS = 60 * 60 * 24 * 7;
const SESSION_REFRESH_SECONDS = 60 * 60 * 24;

/**
 * The site's own origin as the browser sees it: the Host header (or the
 * proxy's X-Forwarded-Host behind TRUST_PROXY), not the URL the server was
 * started with, which names localhost while browsers may use 127.0.0.1 or a
 * public name. The same rule as lib/http.ts assertSameOrigin, which every auth
 * route runs first.
 */
export function requestOrigin(req: Request): string {
  const trust = process.env.TRUST_PROXY === "true";
  const host = (trust && req.headers.get("x-forwarded-host")?.split(",")[0].trim()) || req.headers.get("host") || new URL(req.url).host;
  return `${isHttpsRequest(req) ? "https" : "http"}://${host}`;
}

function createAuth(db: Db, secure: boolean) {
  return betterAuth({
    database: prismaAdapter(db, { provider: providerOf(db) === "postgresql" ? "postgresql" : "sqlite" }),
    secret: authSecret(),
    ...(process.env.BETTER_AUTH_URL ? { baseURL: process.env.BETTER_AUTH_URL } : {}),
    trustedOrigins: (request) => (request ? [requestOrigin(request)] : []),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 256 },
    user: { additionalFields: { role: { type: "string", required: false, defaultValue: "viewer", input: false } } },
    session: { expiresIn: SESSION_SECONDS, updateAge: SESSION_REFRESH_SECONDS },
    // Failed sign-ins go through the app's one failure limiter (app/api/auth/[...all]/route.ts).
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    // Its per-request warnings (no base URL: derived from each request, as intended; every wrong password) would flood the log.
    logger: { level: "error" },
    advanced: {
      // HTTP-only and SameSite=Lax are better-auth's defaults; said here so they cannot drift.
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure },
      database: { generateId: () => randomUUID() },
    },
  });
}
export type Auth = ReturnType<typeof createAuth>;

/** Whether the browser reached us over HTTPS (directly, or through a proxy that says so). */
export function isHttpsRequest(req: Request | { headers: Headers; url?: string }): boolean {
  if (process.env.TRUST_PROXY === "true") {
    const proto = req.headers.get("x-forwarded-proto")?.split(",")[0].trim();
    if (proto) return proto === "https";
  }
  return req.url ? new URL(req.url).protocol === "https:" : false;
}

/**
 * The auth instance for a database client and a scheme: cookies are Secure
 * exactly when the site is served over HTTPS (a Secure cookie would never come
 * back over plain HTTP).
 */
export function getAuth(db: Db, secure = false): Auth {
  store.__auth ??= new WeakMap();
  let pair = store.__auth.get(db);
  if (!pair) store.__auth.set(db, (pair = {}));
  const key = secure ? "secure" : "plain";
  return (pair[key] ??= createAuth(db, secure));
}

export function authFor(db: Db, req: Request): Auth {
  return getAuth(db, isHttpsRequest(req));
}
