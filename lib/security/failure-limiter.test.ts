import { describe, expect, it } from "vitest";
import { authLimiterConfig, clientKey, createFailureLimiter } from "./failure-limiter";

describe("createFailureLimiter", () => {
  it("blocks a key after `limit` failures in the window and says for how long", () => {
    const l = createFailureLimiter({ limit: 3, windowMs: 60_000 });
    l.fail("a", 0);
    l.fail("a", 10_000);
    expect(l.retryAfter("a", 10_000)).toBe(0);
    l.fail("a", 20_000);
    expect(l.retryAfter("a", 20_000)).toBe(40); // the first failure leaves the window at 60 s
    expect(l.retryAfter("b", 20_000)).toBe(0); // other clients are not affected
    expect(l.retryAfter("a", 59_999)).toBe(1);
    expect(l.retryAfter("a", 60_000)).toBe(0); // sliding: two failures left in the window
  });

  it("forgets a key on reset and bounds the number of keys", () => {
    const l = createFailureLimiter({ limit: 1, windowMs: 1000, maxKeys: 2 });
    l.fail("a", 0);
    expect(l.retryAfter("a", 0)).toBe(1);
    l.reset("a");
    expect(l.retryAfter("a", 0)).toBe(0);
    l.fail("x", 0);
    l.fail("y", 0);
    l.fail("z", 0);
    expect(l.retryAfter("x", 0)).toBe(0); // the oldest key was dropped
    expect(l.retryAfter("z", 0)).toBe(1);
  });
});

describe("clientKey and config", () => {
  it("behind a trusted proxy: the first X-Forwarded-For hop, else X-Real-IP, else a constant", () => {
    expect(clientKey(new Request("http://h/", { headers: { "x-forwarded-for": "203.0.113.5, 10.0.0.1" } }), true)).toBe("203.0.113.5");
    expect(clientKey(new Request("http://h/", { headers: { "x-real-ip": "198.51.100.7" } }), true)).toBe("198.51.100.7");
    expect(clientKey(new Request("http://h/"), true)).toBe("unknown-client");
  });
  it("without one, the headers are ignored: a made-up address per attempt cannot escape the throttle", () => {
    const keys = ["203.0.113.5", "203.0.113.6"].map((ip) =>
      clientKey(new Request("http://h/", { headers: { "x-forwarded-for": ip, "x-real-ip": ip } }), false),
    );
    expect(new Set(keys)).toEqual(new Set(["direct"]));
  });
  it("reads AUTH_FAIL_LIMIT and AUTH_FAIL_WINDOW_SECONDS, falling back on bad values", () => {
    expect(authLimiterConfig({})).toEqual({ limit: 10, windowMs: 60_000 });
    expect(authLimiterConfig({ AUTH_FAIL_LIMIT: "5", AUTH_FAIL_WINDOW_SECONDS: "30" })).toEqual({ limit: 5, windowMs: 30_000 });
    expect(authLimiterConfig({ AUTH_FAIL_LIMIT: "-1", AUTH_FAIL_WINDOW_SECONDS: "x" })).toEqual({ limit: 10, windowMs: 60_000 });
  });
});
