import { expect, test, type Page } from "@playwright/test";

const EXPECTED = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  for (const [k, v] of Object.entries(EXPECTED)) expect(headers[k], `${what}: ${k}`).toBe(v);
  expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"], what).toContain("default-src 'self'");
  expect(headers["permissions-policy"], what).toContain("camera=()");
}

/** Collects CSP violations, both as the page's own events and as console messages. */
async function trackCspViolations(page: Page): Promise<() => Promise<void>> {
  const messages: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) messages.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__csp.push(`${location.pathname}: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return async () => {
    const events = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    expect([...messages, ...events], "CSP violations").toEqual([]);
  };
}

test.describe("security headers", () => {
  test("pages, the API and a CSV export carry them", async ({ request }) => {
    for (const path of ["/", "/api/meta", "/api/aid/records?format=csv&pageSize=5&page=1"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      expectSecurityHeaders(res.headers(), path);
    }
  });

  test("no page logs a CSP violation", async ({ page }) => {
    const check = await trackCspViolations(page);
    for (const path of ["/", "/escalation", "/deployments", "/imports", "/brief", "/method"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await check();
    }
  });

  test("PNG and SVG exports work under the CSP", async ({ page }) => {
    const check = await trackCspViolations(page);
    await page.goto("/");
    const frame = page.getByTestId("aid-over-time");
    await expect(frame.locator(".recharts-bar-rectangle").first()).toBeVisible();
    for (const item of ["Download PNG", "Download SVG"]) {
      await frame.getByRole("button", { name: "Export" }).click();
      const download = page.waitForEvent("download");
      await frame.getByRole("button", { name: item }).click();
      expect((await download).suggestedFilename()).toMatch(/\.(png|svg)$/);
    }
    await check();
  });

  test("a cross-origin write is refused with 403", async ({ request }) => {
    const res = await request.post("/api/events", { headers: { origin: "https://evil.example" }, data: {} });
    expect(res.status()).toBe(403);
  });
});
