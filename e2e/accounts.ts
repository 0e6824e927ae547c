import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_WRITE_TOKEN } from "../playwright.config";
import type { Role } from "@/lib/permissions/roles";

export const E2E_PASSWORD = "e2e password long enough";

/**
 * Creates an account through the admin API with the operators' script token
 * (admin-equivalent), as the first admin would: each test gets its own user.
 */
export async function createAccount(request: APIRequestContext, role: Role): Promise<{ email: string; password: string }> {
  const email = `${role}-${randomUUID().slice(0, 8)}@e2e.example`;
  const res = await request.post("/api/admin/users", {
    headers: { authorization: `Bearer ${E2E_WRITE_TOKEN}` },
    data: { email, role, password: E2E_PASSWORD },
  });
  expect(res.status(), await res.text()).toBe(201);
  return { email, password: E2E_PASSWORD };
}

/** Signs in through the sign-in page and waits for the redirect. */
export async function signIn(page: Page, account: { email: string; password: string }, next = "/editor"): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === next);
}

export async function signInAs(page: Page, role: Role, next = "/editor") {
  const account = await createAccount(page.request, role);
  await signIn(page, account, next);
  return account;
}
