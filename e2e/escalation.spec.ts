import { expect, test, type Page } from "@playwright/test";
import { apiJson, trackConsoleErrors } from "./helpers";
import { formatDay } from "../lib/format/dates";

const NK_ID = "evt-2024-10-18-north-korean-troops-deployed-to-russia";
const NK_TITLE = "South Korea's NIS reports North Korean troops moved to Russia's Far East";
const NK_NAME = `18 Oct 2024 ${NK_TITLE}`;

/** The daily table's value for one date (the table view must be open). */
async function tableValue(page: Page, date: string): Promise<number> {
  const cell = page.getByTestId("escalation-table").locator(`tr[data-date="${date}"]`).getByTestId("index-value");
  return Number(await cell.getAttribute("data-value"));
}

test.describe("escalation index", () => {
  test("first paint draws the line and markers; the North Korean deployment marker shows its sources", async ({ page }) => {
    const noErrors = trackConsoleErrors(page);
    await page.goto("/escalation");
    const frame = page.getByTestId("escalation-index");
    await expect(frame.getByRole("figure", { name: /Escalation index, daily/ })).toBeVisible();
    await expect(frame.locator(".recharts-line-curve").first()).toBeVisible();
    const series = await apiJson(page, "/api/escalation?halfLife=30");
    await expect(frame.getByTestId("event-marker")).toHaveCount(series.events.length);

    const marker = frame.getByRole("button", { name: NK_NAME });
    await marker.click();
    await expect(marker).toHaveAttribute("aria-pressed", "true");
    const panel = page.getByTestId("explain-panel");
    await expect(panel.getByRole("heading", { name: NK_TITLE })).toBeVisible();

    const event = series.events.find((e: { id: string }) => e.id === NK_ID);
    const first = event.sources[0];
    const link = panel.getByTestId("event-sources").getByRole("link", { name: first.title });
    await expect(link).toHaveAttribute("href", first.url);
    expect(first.url).toMatch(/^https?:\/\/[^/]+\.[a-z]+/);
    await expect(panel.getByTestId("source-publisher").first()).toHaveText(first.publisher);
    await expect(panel.getByTestId("event-sources").getByRole("link")).toHaveCount(event.sources.length);

    // Its contribution on its own day: severity 8 × confirmed (1.0) × the scale factor.
    const explain = await apiJson(page, "/api/escalation/explain?date=2024-10-18&halfLife=30");
    const own = explain.contributions.find((c: { event: { id: string } }) => c.event.id === NK_ID);
    await expect(panel.getByTestId("event-contribution")).toHaveAttribute("data-value", String(own.contribution));
    // Rung 4 (troops moved to Russia's Far East, not yet in theatre), reported: weight 0.6 (method, section 3).
    expect(own.contribution).toBeCloseTo(4 * 0.6 * series.scale.factor, 9);

    // From the event to its whole day: the listed rows add up to the index value.
    await panel.getByRole("button", { name: /Everything behind 18 Oct 2024/ }).click();
    await expect(panel.getByTestId("explain-day")).toHaveAttribute("data-date", "2024-10-18");
    const total = Number(await panel.getByTestId("explain-total").getAttribute("data-value"));
    expect(Math.abs(total - explain.value)).toBeLessThan(1e-9);
    noErrors();
  });

  test("markers are reachable by keyboard and explain on Enter", async ({ page }) => {
    const noErrors = trackConsoleErrors(page);
    await page.goto("/escalation");
    const markers = page.getByTestId("escalation-index").getByTestId("event-marker");
    await markers.first().focus();
    await expect(markers.first()).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect(markers.nth(1)).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(markers.nth(1)).toHaveAttribute("aria-pressed", "true");
    const id = await markers.nth(1).getAttribute("data-event-id");
    await expect(page.getByTestId("explain-event")).toHaveAttribute("data-event-id", id!);
    noErrors();
  });

  test("clicking the line explains that day with contributions that sum to its value", async ({ page }) => {
    const noErrors = trackConsoleErrors(page);
    await page.goto("/escalation");
    const plot = page.getByTestId("escalation-index").locator(".recharts-cartesian-grid");
    await plot.scrollIntoViewIfNeeded();
    const box = (await plot.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.5);
    const day = page.getByTestId("explain-day");
    await expect(day).toBeVisible();
    const date = (await day.getAttribute("data-date"))!;
    const api = await apiJson(page, `/api/escalation/explain?date=${date}&halfLife=30`);
    const series = await apiJson(page, `/api/escalation?from=${date}&to=${date}&halfLife=30`);
    const total = Number(await day.getByTestId("explain-total").getAttribute("data-value"));
    expect(Math.abs(total - series.points[0].value)).toBeLessThan(1e-9);
    expect(Math.abs(api.value - series.points[0].value)).toBeLessThan(1e-9);
    noErrors();
  });

  test("the half-life recomputes the line, lives in the URL and survives a reload", async ({ page }) => {
    const noErrors = trackConsoleErrors(page);
    await page.goto("/escalation");
    const frame = page.getByTestId("escalation-index");
    await expect(frame.getByTestId("escalation-chart")).toHaveAttribute("data-half-life", "30");
    const before = await frame.getByTestId("escalation-chart").getAttribute("data-last-value");

    await page.getByTestId("half-life-input").fill("90");
    await expect(page).toHaveURL(/halfLife=90/);
    await expect(frame.getByTestId("escalation-chart")).toHaveAttribute("data-half-life", "90");
    expect(await frame.getByTestId("escalation-chart").getAttribute("data-last-value")).not.toBe(before);

    await frame.getByRole("button", { name: "View as table" }).click();
    const api90 = await apiJson(page, "/api/escalation?from=2024-10-18&to=2024-10-18&halfLife=90");
    expect(Math.abs((await tableValue(page, "2024-10-18")) - api90.points[0].value)).toBeLessThan(1e-9);

    // The slider moves it too (one step per arrow key), debounced into the URL.
    await page.getByTestId("half-life-slider").focus();
    await page.keyboard.press("ArrowLeft");
    await expect(page).toHaveURL(/halfLife=89/);
    await expect(page.getByTestId("escalation-table")).toContainText("half-life 89 days");
    const api89 = await apiJson(page, "/api/escalation?from=2024-10-18&to=2024-10-18&halfLife=89");
    expect(Math.abs((await tableValue(page, "2024-10-18")) - api89.points[0].value)).toBeLessThan(1e-9);
    expect(api89.points[0].value).not.toBeCloseTo(api90.points[0].value, 3);

    await page.reload();
    await expect(page.getByTestId("half-life-input")).toHaveValue("89");
    await expect(frame.getByTestId("escalation-chart")).toHaveAttribute("data-half-life", "89");
    noErrors();
  });

  test("sub-index toggles set the URL and the index, and the markers follow", async ({ page }) => {
    const noErrors = trackConsoleErrors(page);
    await page.goto("/escalation");
    const frame = page.getByTestId("escalation-index");
    const chart = frame.getByTestId("escalation-chart");
    const everything = await apiJson(page, "/api/escalation?halfLife=30");
    await expect(frame.getByTestId("event-marker")).toHaveCount(everything.events.length);
    const rest = "conventional,western_support,third_country,de_escalation";
    const request = page.waitForResponse((r) => r.url().includes(`/api/escalation?halfLife=30&subindex=${encodeURIComponent(rest)}`));
    await page.getByRole("group", { name: "Sub-indices" }).getByRole("button", { name: "Nuclear" }).click();
    expect((await (await request).json()).params.channels).toEqual(rest.split(","));
    // The page URL keeps commas readable (nuqs); either spelling is the same list.
    await expect(page).toHaveURL(new RegExp(`subindex=${rest.replaceAll(",", "(,|%2C)")}`));
    await expect(chart).toHaveAttribute("data-channels", rest);
    const api = await apiJson(page, `/api/escalation?halfLife=30&subindex=${rest}`);
    expect(Number(await chart.getAttribute("data-last-value"))).toBeCloseTo(api.points.at(-1).value, 9);
    await expect(frame.getByRole("button", { name: NK_NAME })).toBeVisible();
    await expect(frame.getByTestId("event-marker")).toHaveCount(api.events.filter((e: { channel: string }) => e.channel !== "nuclear").length);
    expect(api.events.filter((e: { channel: string }) => e.channel !== "nuclear").length).toBeLessThan(everything.events.length);
    await expect(frame.getByRole("button", { name: /Putin orders nuclear deterrence forces/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Nuclear" })).toHaveAttribute("aria-pressed", "false");
    noErrors();
  });

  test("aid and escalation share one time axis: bars and a line", async ({ page }) => {
    const noErrors = trackConsoleErrors(page);
    await page.goto("/escalation?from=2022-03-01&to=2024-12-31");
    const combined = page.getByTestId("aid-escalation");
    await expect(combined.locator(".recharts-bar-rectangle").first()).toBeVisible();
    expect(await combined.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(10);
    await expect(combined.locator(".recharts-line-curve")).toBeVisible();
    await expect(combined.getByTestId("aid-escalation-chart")).toHaveAttribute("data-months", "34");
    await expect(combined.getByTestId("sources-line")).toContainText("Kiel Institute");
    // Both charts honour the same range.
    await expect(page.getByTestId("escalation-index").getByRole("figure")).toHaveAccessibleName(/1 Mar 2022 – 31 Dec 2024/);
    await combined.getByRole("button", { name: "View as table" }).click();
    await expect(combined.getByTestId("aid-escalation-table").locator("tbody tr")).toHaveCount(34);
    noErrors();
  });

  test("the span after the last curated event is shaded and labelled, with a dashed line, in both charts", async ({ page }) => {
    const noErrors = trackConsoleErrors(page);
    // Wide enough that the 18 months without events hold their label inside the shade.
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/escalation");
    const series = await apiJson(page, "/api/escalation?halfLife=30");
    expect(series.coverageEnd).toBe(
      series.events
        .map((e: { date: string }) => e.date)
        .sort()
        .at(-1),
    );
    expect(series.methodVersion).toMatch(/^\d+\.\d+\b/);
    const label = `no curated events after ${formatDay(series.coverageEnd)}`;
    expect(series.coverageEnd >= "2026-05-01").toBe(true);

    const daily = page.getByTestId("escalation-index");
    await expect(daily.getByTestId("escalation-chart")).toHaveAttribute("data-coverage-end", series.coverageEnd);
    await expect(daily.locator(".recharts-reference-area")).toHaveCount(1);
    // The label sits in the shade when it fits there; the caption below the chart always gives it.
    await expect(daily.locator('.recharts-line-curve[stroke-dasharray="5 4"]')).toHaveCount(1);
    await expect(daily.getByTestId("uncovered-note")).toContainText(`Shaded: ${label}`);
    // The shade starts where the events end: right of the last marker, and it runs to the axis end.
    const shade = await daily.locator(".recharts-reference-area-rect").boundingBox();
    const markers = await daily.getByTestId("event-marker").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    expect(shade!.x).toBeGreaterThanOrEqual(Math.max(...markers) - 8);

    const combined = page.getByTestId("aid-escalation");
    await expect(combined.locator('.recharts-line-curve[stroke-dasharray="5 4"]')).toHaveCount(1);
    await expect(combined.getByTestId("uncovered-note")).toContainText(label);

    // The header says how old each dataset is.
    await expect(page.getByTestId("data-freshness")).toHaveText(
      /^Kiel R29, data to Apr 2026, published 4 Aug 2026 · events to \d{1,2} [A-Z][a-z]{2} \d{4} · deployments to \d{1,2} [A-Z][a-z]{2} \d{4}$/,
    );
    noErrors();
  });

  test("a range that ends before the last curated event has no shade", async ({ page }) => {
    await page.goto("/escalation?from=2022-03-01&to=2024-12-31");
    const daily = page.getByTestId("escalation-index");
    await expect(daily.locator(".recharts-line-curve").first()).toBeVisible();
    await expect(daily.locator(".recharts-reference-area")).toHaveCount(0);
    await expect(daily.getByTestId("uncovered-note")).toHaveCount(0);
    await expect(page.getByTestId("aid-escalation").locator(".recharts-reference-area")).toHaveCount(0);
  });

  test("the method page renders the document", async ({ page }) => {
    const noErrors = trackConsoleErrors(page);
    await page.goto("/escalation");
    await page.getByTestId("method-link").click();
    await expect(page).toHaveURL(/\/method$/);
    await expect(page.getByRole("heading", { level: 1, name: "The escalation index" })).toBeVisible();
    await expect(page.getByRole("table").first()).toContainText("third_country_deployment");
    noErrors();
  });

  test("the layout holds at 1440 and 390 px", async ({ page }, testInfo) => {
    const noErrors = trackConsoleErrors(page);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 1000 });
      await page.goto("/escalation");
      await page.getByTestId("escalation-index").getByRole("button", { name: NK_NAME }).click();
      await expect(page.getByTestId("explain-event")).toBeVisible();
      await expect(page.getByTestId("aid-escalation").locator(".recharts-bar-rectangle").first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`escalation-${width}.png`), fullPage: true });
      await page.goto("/method");
      await expect(page.getByTestId("method")).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`method-${width}.png`), fullPage: true });
    }
    noErrors();
  });
});
