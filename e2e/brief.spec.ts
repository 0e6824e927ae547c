import { PDFDocument } from "pdf-lib";
import { expect, test, type Page } from "@playwright/test";
import { formatDay } from "../lib/format/dates";
import { apiJson, trackConsoleErrors } from "./helpers";
import { pixelDifference, pngStats, readPng } from "./png-helpers";

const SLIDE = "[data-testid='brief-slide']";

async function slideReady(page: Page) {
  await expect(page.locator(SLIDE)).toHaveAttribute("data-state", "ready", { timeout: 30_000 });
}

async function downloadSlidePng(page: Page, button: string, file: string): Promise<string> {
  const download = page.waitForEvent("download");
  await page.getByTestId(button).click();
  const d = await download;
  await d.saveAs(file);
  return d.suggestedFilename();
}

test.describe("briefing slide", () => {
  test("“Brief this view” opens the slide with the dashboard's filters; the slide names its filters, dates and sources", async ({ page }) => {
    const noErrors = trackConsoleErrors(page);
    await page.goto("/?donor=DEU,FRA&category=military&from=2024-01-01&to=2025-12-31");
    await page.getByTestId("brief-this-view").click();
    await expect(page).toHaveURL(/\/brief\?donor=DEU(,|%2C)FRA&category=military&measure=allocation&from=2024-01-01&to=2025-12-31/);
    await slideReady(page);

    const slide = page.locator(SLIDE);
    await expect(slide.getByTestId("brief-title")).toHaveText("Aid to Ukraine");
    await expect(slide.getByTestId("brief-summary")).toContainText("Germany, France · military · allocations · Jan 2024 – Dec 2025 · EUR");
    await expect(slide.getByTestId("brief-as-of")).toHaveText("30 Apr 2026");
    await expect(slide.getByTestId("brief-generated")).toHaveText(/^\d{1,2} \w{3} \d{4}$/);
    await expect(slide.getByTestId("brief-sources")).toContainText("Kiel Institute for the World Economy, Ukraine Support Tracker, Release 29");
    const api = await apiJson(page, "/api/aid/summary?donor=DEU,FRA&category=military&from=2024-01-01&to=2025-12-31");
    await expect(slide.getByTestId("brief-kpi-total")).toHaveAttribute("data-value", String(api.total));
    // The default widgets, no controls on the slide itself.
    for (const w of ["kpis", "aid-over-time", "aid-by-donor"]) await expect(slide.locator(`[data-widget='${w}']`)).toBeVisible();
    await expect(slide.locator("button, a, input, select")).toHaveCount(0);
    // Laid out at 1920 × 1080 whatever the window.
    expect(await slide.evaluate((el) => [(el as HTMLElement).offsetWidth, (el as HTMLElement).offsetHeight])).toEqual([1920, 1080]);

    await page.getByRole("link", { name: "← Back to the dashboard" }).click();
    await expect(page.getByTestId("filter-summary")).toContainText("Germany, France · military");
    noErrors();
  });

  test("the slide PNG is 1920 × 1080 and the same from a 390 px phone and a 1440 px desktop; 2× is 3840 × 2160", async ({ page }, testInfo) => {
    const noErrors = trackConsoleErrors(page);
    const url = "/brief?donor=USA,DEU,GBR,FRA&granularity=quarter&title=Weekly%20aid%20brief&subtitle=Four%20largest%20bilateral%20donors";
    const files: string[] = [];
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url);
      await slideReady(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
      const file = testInfo.outputPath(`slide-${width}.png`);
      const name = await downloadSlidePng(page, "brief-png", file);
      expect(name).toBe("brief-weekly-aid-brief_united-states-germany-united-kingdom-france_all-categories_allocations_jan-2022-apr-2026_eur.png");
      const stats = pngStats(readPng(file));
      expect([stats.width, stats.height]).toEqual([1920, 1080]);
      expect(stats.lumaStdDev, "a slide with charts is not blank").toBeGreaterThan(25);
      expect(stats.inked).toBeGreaterThan(0.05);
      // The title band holds text.
      expect(pngStats(readPng(file), { x: 72, y: 60, width: 700, height: 70 }).inked).toBeGreaterThan(0.05);
      files.push(file);
    }
    expect(pixelDifference(readPng(files[0]), readPng(files[1])), "phone and desktop give the same image").toBeLessThan(0.005);

    const hiDpi = testInfo.outputPath("slide-2x.png");
    await downloadSlidePng(page, "brief-png-2x", hiDpi);
    const s2 = pngStats(readPng(hiDpi));
    expect([s2.width, s2.height]).toEqual([3840, 2160]);
    expect(s2.lumaStdDev).toBeGreaterThan(25);
    noErrors();
  });

  test("printing gives one 1920 × 1080 page with the slide alone", async ({ page }) => {
    await page.goto("/brief?widgets=kpis,aid-over-time");
    await slideReady(page);
    const pdf = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([1440, 810]); // 1920 × 1080 CSS px in points
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header")).toBeHidden();
    await expect(page.getByTestId("brief-png")).toBeHidden();
    expect(await page.locator(SLIDE).boundingBox()).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
  });

  test("escalation, deployments and aid-and-escalation widgets draw, each with its sources", async ({ page }) => {
    const noErrors = trackConsoleErrors(page);
    await page.goto("/brief?widgets=kpis,aid-escalation,escalation,deployments,aid-by-donor&title=Situation%20brief");
    await slideReady(page);
    const slide = page.locator(SLIDE);
    for (const w of ["aid-escalation", "escalation", "deployments", "aid-by-donor"]) {
      await expect(slide.locator(`[data-widget='${w}'] svg.recharts-surface`).first()).toBeVisible();
    }
    expect(await slide.locator("[data-widget='deployments'] .recharts-scatter-symbol").count()).toBeGreaterThan(5);
    const sources = slide.getByTestId("brief-sources");
    await expect(sources).toContainText("Aid: Kiel Institute");
    await expect(sources).toContainText(/Escalation index: \d+ curated events to \d{1,2} [A-Z][a-z]{2} 20\d\d, from .*Reuters/);
    await expect(sources).toContainText(/Deployments: \d+ reports, from .*Yonhap News Agency/);
    noErrors();
  });

  test("past the last curated event both index figures shade the span, label it and draw the index dashed; the key says so", async ({ page }) => {
    const noErrors = trackConsoleErrors(page);
    await page.goto("/brief?widgets=escalation,aid-escalation&from=2025-01-01&to=2026-11-30");
    await slideReady(page);
    const series = await apiJson(page, "/api/escalation?from=2025-01-01&to=2026-11-30");
    expect(series.coverageEnd < "2026-11-30").toBe(true);
    const label = `no curated events after ${formatDay(series.coverageEnd)}`;

    const daily = page.locator(SLIDE).locator("[data-widget='escalation']");
    await expect(daily.locator(".recharts-reference-area")).toHaveCount(1);
    // The label sits in the shade (wrapped to its width: the slide's type is large); the key says it too.
    const inShade = daily.locator("svg .recharts-label");
    expect((await inShade.textContent())!.replace(/\s/g, "")).toBe(label.replace(/\s/g, ""));
    await expect(daily.locator('.recharts-line-curve[stroke-dasharray="5 4"]')).toHaveCount(1);
    await expect(daily.locator(".brief-legend")).toContainText(`Shaded, dashed line: ${label}`);
    // The shade runs from the day after the last event to the axis end: its share of the plot is the days' share.
    const shade = (await daily.locator(".recharts-reference-area-rect").boundingBox())!;
    const grid = (await daily.locator(".recharts-cartesian-grid").boundingBox())!;
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
    const start = (day(series.coverageEnd) + 86_400_000 - day("2025-01-01")) / (day("2026-11-30") - day("2025-01-01"));
    expect(Math.abs(shade.x - (grid.x + start * grid.width))).toBeLessThan(3);
    expect(Math.abs(shade.x + shade.width - (grid.x + grid.width))).toBeLessThan(3);
    const text = (await inShade.boundingBox())!;
    expect(text.x).toBeGreaterThanOrEqual(shade.x);
    expect(text.x + text.width).toBeLessThanOrEqual(shade.x + shade.width);

    const monthly = page.locator(SLIDE).locator("[data-widget='aid-escalation']");
    await expect(monthly.locator(".recharts-reference-area")).toHaveCount(1);
    await expect(monthly.locator('.recharts-line-curve[stroke-dasharray="5 4"]')).toHaveCount(1);
    await expect(monthly.locator(".brief-legend")).toContainText(`Shaded, dashed line: ${label}`);
    noErrors();

    // A range that ends before the last curated event has no shade and no such key.
    await page.goto("/brief?widgets=escalation,aid-escalation&from=2024-01-01&to=2025-12-31");
    await slideReady(page);
    await expect(page.locator(SLIDE).locator(".recharts-area-curve").first()).toBeVisible();
    await expect(page.locator(SLIDE).locator(".recharts-reference-area")).toHaveCount(0);
    await expect(page.locator(SLIDE).locator(".brief-legend li", { hasText: "Shaded" })).toHaveCount(0);
  });

  test("the slide's editor rewrites the link; bad parameters are reported, never a blank slide", async ({ page }) => {
    await page.goto("/brief?donor=DEU&widgets=kpis,pie&title=");
    await expect(page.getByTestId("brief-problems")).toContainText('Unknown widget "pie"');
    await slideReady(page);
    await page.getByText("Edit title and widgets").click();
    await page.getByLabel("Title", { exact: true }).fill("Germany in brief");
    await page.getByRole("checkbox", { name: "Escalation index" }).check();
    await page.getByRole("button", { name: "Update slide" }).click();
    await expect(page).toHaveURL(/donor=DEU.*title=Germany\+in\+brief&widgets=kpis(,|%2C)escalation/);
    await expect(page.getByTestId("brief-title")).toHaveText("Germany in brief");
    await slideReady(page);
    await expect(page.locator("[data-widget='escalation']")).toBeVisible();
  });
});
