import { describe, expect, it } from "vitest";
import { useTestApi } from "./helpers/use-test-api";
import { createUser, send, signInCookie, TEST_PASSWORD } from "./helpers/sessions";
import * as signIn from "@/app/api/auth/sign-in/email/route";
import * as signOut from "@/app/api/auth/sign-out/route";
import * as session from "@/app/api/auth/session/route";
import * as events from "@/app/api/events/route";
import { resetAuthThrottle } from "@/lib/auth";

const api = useTestApi({ seed: false });

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  signIn.POST(new Request(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) }), {
    params: Promise.resolve({}),
  });

describe("sign-in", () => {
  it("sets an HTTP-only, SameSite=Lax session cookie, Secure only over HTTPS", async () => {
    resetAuthThrottle();
    const u = await createUser(api.t.db, "editor");
    const plain = await post("http://localhost/api/auth/sign-in/email", { email: u.email, password: TEST_PASSWORD });
    expect(plain.status).toBe(200);
    const cookie = plain.headers.getSetCookie().find((c) => c.includes("session_token"))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    // The body says who signed in; the session token stays in the HTTP-only cookie only.
    const body = await plain.json();
    expect(body).toEqual({ user: { id: u.id, email: u.email, name: u.name, role: "editor" } });
    const tls = await post("https://monitor.example/api/auth/sign-in/email", { email: u.email, password: TEST_PASSWORD });
    const secure = tls.headers.getSetCookie().find((c) => c.includes("session_token"))!;
    expect(secure).toMatch(/;\s*Secure/i);
    expect(secure).toMatch(/HttpOnly/i);
  });

  it("accepts the site's own origin as the browser names it (Host header), not only the server's URL", async () => {
    const u = await createUser(api.t.db, "viewer");
    const r = await post(
      "http://localhost:3000/api/auth/sign-in/email",
      { email: u.email, password: TEST_PASSWORD },
      { host: "127.0.0.1:3811", origin: "http://127.0.0.1:3811" },
    );
    expect(r.status).toBe(200);
    const other = await post(
      "http://localhost:3000/api/auth/sign-in/email",
      { email: u.email, password: TEST_PASSWORD },
      { host: "127.0.0.1:3811", origin: "http://evil.example" },
    );
    expect(other.status).toBe(403);
  });

  it("says who is signed in, and nobody after sign-out", async () => {
    const u = await createUser(api.t.db, "reviewer");
    const cookie = await signInCookie(u.email);
    const me = await send(session.GET, "/api/auth/session", { cookie });
    expect(me.body.user).toMatchObject({ email: u.email, role: "reviewer" });
    expect((await send(session.GET, "/api/auth/session")).body).toEqual({ user: null });
    const out = await send(signOut.POST, "/api/auth/sign-out", { method: "POST", cookie, origin: "http://localhost" });
    expect(out.status).toBe(200);
    expect((await send(session.GET, "/api/auth/session", { cookie })).body).toEqual({ user: null });
  });

  it("refuses a wrong password with the API's 401, and throttles failures to 429", async () => {
    resetAuthThrottle();
    process.env.AUTH_FAIL_LIMIT = "3";
    resetAuthThrottle();
    try {
      const u = await createUser(api.t.db, "viewer");
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await post("http://localhost/api/auth/sign-in/email", { email: u.email, password: "wrong password!" })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      // Blocked: even the right password waits out the window.
      const blocked = await post("http://localhost/api/auth/sign-in/email", { email: u.email, password: TEST_PASSWORD });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      delete process.env.AUTH_FAIL_LIMIT;
      resetAuthThrottle();
    }
  });

  it("has no sign-up: better-auth's other endpoints are not mounted", async () => {
    const first = await post("http://localhost/api/auth/sign-in/email", { email: "nobody@example.org", password: "whatever-password" });
    expect(first.status).toBe(401);
    expect(await api.t.db.user.count({ where: { email: "nobody@example.org" } })).toBe(0);
    resetAuthThrottle();
  });

  it("refuses a cross-origin write that carries a valid session cookie", async () => {
    const u = await createUser(api.t.db, "admin");
    const cookie = await signInCookie(u.email);
    const r = await send(events.POST, "/api/events", { method: "POST", cookie, origin: "https://evil.example", body: {} });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe("FORBIDDEN");
  });
});
