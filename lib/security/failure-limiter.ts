/**
 * Counts failures per key in a sliding window (in memory, per instance).
 * Pure apart from the map it owns: the clock is passed in, so tests need no
 * timers. Each instance of the app throttles on its own; behind several
 * instances the effective limit is `limit × instances`, still enough to stop
 * a brute-force loop.
 */
export interface FailureLimiter {
  /** Seconds until `key` may try again, or 0 when it is not blocked. */
  retryAfter(key: string, now: number): number;
  /** Records one failure of `key` at `now` (ms). */
  fail(key: string, now: number): void;
  /** Forgets `key` (e.g. after a success). */
  reset(key: string): void;
}

export function createFailureLimiter(opts: { limit: number; windowMs: number; maxKeys?: number }): FailureLimiter {
  const { limit, windowMs } = opts;
  const maxKeys = opts.maxKeys ?? 10_000;
  const failures = new Map<string, number[]>();

  const recent = (key: string, now: number): number[] => {
    const list = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (list.length) failures.set(key, list);
    else failures.delete(key);
    return list;
  };

  return {
    retryAfter(key, now) {
      const list = recent(key, now);
      if (list.length < limit) return 0;
      // Blocked until the oldest failure that keeps the count at the limit leaves the window.
      const oldest = list[list.length - limit];
      return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
    },
    fail(key, now) {
      const list = recent(key, now);
      list.push(now);
      // Keep only what can matter, and bound the map so a flood of keys cannot grow it without end.
      failures.delete(key);
      failures.set(key, list.slice(-limit));
      if (failures.size > maxKeys) failures.delete(failures.keys().next().value as string);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}

/**
 * The client a request comes from. X-Forwarded-For and X-Real-IP are set by
 * whoever sends the request, so they name the client only when a reverse
 * proxy in front of the app writes them (TRUST_PROXY=true): otherwise a new
 * made-up address per attempt would escape the throttle. A route handler does
 * not see the peer address, so without a trusted proxy every client shares one
 * key: a brute-force loop still ends in 429, at the price of blocking the
 * others' writes for the window.
 */
export function clientKey(req: Request, trustProxy: boolean = process.env.TRUST_PROXY === "true"): string {
  if (!trustProxy) return "direct";
  const forwarded = req.headers.get("x-forwarded-for")?.split(",")[0].trim();
  if (forwarded) return forwarded;
  const real = req.headers.get("x-real-ip")?.trim();
  if (real) return real;
  return "unknown-client";
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** AUTH_FAIL_LIMIT failures (default 10) per AUTH_FAIL_WINDOW_SECONDS (default 60). */
export function authLimiterConfig(env: Record<string, string | undefined> = process.env): { limit: number; windowMs: number } {
  return {
    limit: positiveInt(env.AUTH_FAIL_LIMIT, 10),
    windowMs: positiveInt(env.AUTH_FAIL_WINDOW_SECONDS, 60) * 1000,
  };
}
