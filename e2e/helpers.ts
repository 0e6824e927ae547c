import { expect, type Page } from "@playwright/test";

/** Fails the test on any console error or uncaught page error (a missing icon counts). */
export function trackConsoleErrors(page: Page): () => void {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return () => expect(errors, `console errors:\n${errors.join("\n")}`).toEqual([]);
}

export async function apiJson<T = any>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.ok(), `${path} → ${res.status()}`).toBe(true);
  return (await res.json()) as T;
}
