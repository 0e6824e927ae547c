import type { Browser } from "@playwright/test";

export interface PageVitals {
  ttfbMs: number;
  lcpMs: number;
  cls: number;
  /** Compressed bytes of the scripts the page loaded (what went over the wire). */
  scriptBytes: number;
}

/**
 * One visit of `url` in a fresh browser context (empty cache, like a reader
 * opening a link): TTFB and LCP from the browser's own performance entries,
 * CLS as the sum of layout shifts without recent input, scripts' transfer size.
 */
export async function visit(browser: Browser, url: string, viewport = { width: 1440, height: 900 }): Promise<PageVitals> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __lcp: number; __cls: number };
    w.__lcp = 0;
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__lcp = e.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__cls += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(url, { waitUntil: "networkidle" });
  // LCP is final once the page settles; a short wait lets late widgets report.
  await page.waitForTimeout(500);
  const v = await page.evaluate(() => {
    const w = window as unknown as { __lcp: number; __cls: number };
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((r) => r.initiatorType === "script");
    return { ttfbMs: nav.responseStart, lcpMs: w.__lcp, cls: w.__cls, scriptBytes: scripts.reduce((s, r) => s + r.encodedBodySize, 0) };
  });
  await context.close();
  return v;
}
