import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { authLimiterConfig, createFailureLimiter, type FailureLimiter } from "@/lib/security/failure-limiter";

// One limiter per server process, kept on globalThis so dev reloads do not reset it.
const store = globalThis as unknown as { __authFailureLimiter?: FailureLimiter };
export function authLimiter(): FailureLimiter {
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

export function sameDigest(a: string, b: string): boolean {
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
