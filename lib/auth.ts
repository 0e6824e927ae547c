import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authLimiterConfig, clientKey, createFailureLimiter, type FailureLimiter } from "@/lib/security/failure-limiter";

// One limiter per server process, kept on globalThis so dev reloads do not reset it.
const store = globalThis as unknown as { __authFailureLimiter?: FailureLimiter };
function authLimiter(): FailureLimiter {
  return (store.__authFailureLimiter ??= createFailureLimiter(authLimiterConfig()));
}

/** Forgets every recorded failure (tests; a new env config takes effect on the next request). */
export function resetAuthThrottle(): void {
  store.__authFailureLimiter = undefined;
}

/** Tokens are never stored: only their SHA-256 hex digests (env API_TOKEN_SHA256 or the ApiToken table). */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function generateToken(): string {
  return `aem_${randomBytes(24).toString("base64url")}`;
}

export function configuredHashes(env: string | undefined = process.env.API_TOKEN_SHA256): string[] {
  return (env ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter((h) => /^[0-9a-f]{64}$/.test(h));
}

function sameDigest(a: string, b: string): boolean {
  const ab = Buffer.from(a, "hex");
  const bb = Buffer.from(b, "hex");
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export function bearerToken(req: Request): string | null {
  const header = req.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

/**
 * Throws 401 unless the request carries a configured bearer token, and 429
 * (with Retry-After) once a client has failed too often in the window: the
 * check happens before the token is looked at, so a blocked client learns nothing.
 */
export async function requireWriteToken(req: Request, db: Db): Promise<void> {
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
  const token = bearerToken(req);
  if (!token) throw fail("Missing bearer token: send Authorization: Bearer <token>");
  const digest = hashToken(token);
  if (configuredHashes().some((h) => sameDigest(h, digest))) return;
  const row = await db.apiToken.findUnique({ where: { tokenHash: digest } });
  if (!row) throw fail("Invalid bearer token");
}
