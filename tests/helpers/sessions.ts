import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/permissions/roles";
import { createUserAccount } from "@/lib/auth-users";
import * as signIn from "@/app/api/auth/sign-in/email/route";

export const TEST_PASSWORD = "correct horse battery staple";

/** A user of `role` with a fresh email; returns the user and its password. */
export async function createUser(db: Db, role: Role) {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.org`;
  const user = await createUserAccount(db, null, { email, role, password: TEST_PASSWORD });
  return { ...user, password: TEST_PASSWORD };
}

/** Signs in through the real route and returns the Cookie header a browser would send back. */
export async function signInCookie(email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await signIn.POST(
    new Request("http://localhost/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost" },
      body: JSON.stringify({ email, password }),
    }),
    { params: Promise.resolve({}) },
  );
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** A signed-in user of each role, as Cookie headers. */
export async function sessionsByRole(db: Db): Promise<Record<Role, string>> {
  const out = {} as Record<Role, string>;
  for (const role of ["viewer", "editor", "reviewer", "admin"] as const) out[role] = await signInCookie((await createUser(db, role)).email);
  return out;
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler with a session cookie or a token, as a browser or script would. */
export async function send(
  handler: unknown,
  path: string,
  init: {
    method?: string;
    body?: unknown;
    cookie?: string;
    token?: string;
    origin?: string;
    params?: Record<string, string>;
    headers?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (init.cookie) headers.cookie = init.cookie;
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.origin) headers.origin = init.origin;
  const req = new Request(`http://localhost${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const res = await (handler as Handler)(req, { params: Promise.resolve(init.params ?? {}) });
  const text = await res.text();
  const body: any = (res.headers.get("content-type") ?? "").includes("json") && text ? JSON.parse(text) : null;
  return { status: res.status, body, headers: res.headers };
}
