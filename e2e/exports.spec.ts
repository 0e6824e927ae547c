import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import { apiJson, trackConsoleErrors } from "./helpers";
import { pixelDifference, pngStats, readPng } from "./png-helpers";

// Stacked by category (2 to 10 donors would otherwise be compared side by side: see the donor test below).
const VIEW = "/?donor=USA,DEU,GBR,FRA&category=military,financial&from=2023-01-01&to=2025-12-31&split=category";
const API = "donor=USA,DEU,GBR,FRA&category=military,financial&from=2023-01-01&to=2025-12-31";

async function exportFrom(page: Page, chart: string, item: string, file: string): Promise<string> {
  const frame = page.getByTestId(chart);
  await frame.getByRole("button", { name: "Export" }).click();
  const download = page.waitForEvent("download");
  await frame.getByRole("button", { name: item }).click();
  const d = await download;
  await d.saveAs(file);
  return d.suggestedFilename();
}

const sum = (rows: Record<string, string>[], col: string) => rows.reduce((s, r) => s + Number(r[col] || 0), 0);

test.describe("chart exports", () => {
  test("every chart on the dashboard has the export tools", async ({ page }) => {
    await page.goto(VIEW);
    const frames = page.locator("section.chart-frame");
    await expect(frames.first()).toBeVisible();
    const n = await frames.count();
    expect(n).toBeGreaterThanOrEqual(3);
    await expect(page.locator("section.chart-frame [data-testid$='-export'] > button", { hasText: "Export" })).toHaveCount(n);
  });

  test("a chart's PNG is the same canonical image from a phone and a desktop, and its SVG carries title, filters and sources", async ({ page }, testInfo) => {
    const noErrors = trackConsoleErrors(page);
    const pngs: string[] = [];
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(VIEW);
      await expect(page.getByTestId("aid-over-time").locator(".recharts-bar-rectangle").first()).toBeVisible();
      const file = testInfo.outputPath(`aid-over-time-${width}.png`);
      const name = await exportFrom(page, "aid-over-time", "Download PNG", file);
      expect(name).toBe("aid-over-time_united-states-germany-united-kingdom-france_military-financial_allocations_jan-2023-dec-2025_eur.png");
      const s = pngStats(readPng(file));
      expect([s.width, s.height]).toEqual([2400, 1350]);
      expect(s.lumaStdDev).toBeGreaterThan(20);
      // Title band (top left) and sources band (bottom) both hold text.
      expect(pngStats(readPng(file), { x: 80, y: 70, width: 600, height: 60 }).inked).toBeGreaterThan(0.05);
      expect(pngStats(readPng(file), { x: 80, y: 1220, width: 1600, height: 50 }).inked).toBeGreaterThan(0.02);
      pngs.push(file);
    }
    expect(pixelDifference(readPng(pngs[0]), readPng(pngs[1])), "phone and desktop give the same image").toBeLessThan(0.005);

    const svgFile = testInfo.outputPath("aid-over-time.svg");
    expect(await exportFrom(page, "aid-over-time", "Download SVG", svgFile)).toMatch(/^aid-over-time_.*\.svg$/);
    const svg = fs.readFileSync(svgFile, "utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="675"/);
    expect(svg).toContain("<title>Aid over time</title>");
    expect(svg).toContain("United States, Germany, United Kingdom, France · military, financial · allocations · Jan 2023 – Dec 2025 · EUR");
    expect(svg).toContain("Kiel Institute for the World Economy");
    expect(svg).toContain("recharts-bar-rectangle");
    expect(svg).toContain("@font-face");

    const donors = testInfo.outputPath("aid-by-donor.png");
    await exportFrom(page, "aid-by-donor", "Download PNG", donors);
    expect([readPng(donors).width, readPng(donors).height]).toEqual([2400, 1600]);
    noErrors();
  });

  test("each chart's CSV holds what it shows, with source columns, and its totals equal the API's", async ({ page }, testInfo) => {
    await page.goto(VIEW);
    await expect(page.getByTestId("aid-by-donor").locator(".recharts-bar-rectangle").first()).toBeVisible();
    const api = await apiJson(page, `/api/aid/summary?${API}`);
    const series = await apiJson(page, `/api/aid/timeseries?${API}&granularity=month`);

    const read = async (chart: string) => {
      const file = testInfo.outputPath(`${chart}.csv`);
      const name = await exportFrom(page, chart, "Download CSV", file);
      expect(name).toMatch(new RegExp(`^${chart}_.*\\.csv$`));
      return parse(fs.readFileSync(file, "utf8"), { columns: true }) as Record<string, string>[];
    };

    const overTime = await read("aid-over-time");
    expect(overTime).toHaveLength(series.points.length);
    expect(sum(overTime, "total")).toBeCloseTo(api.total, 0);
    expect(sum(overTime, "military")).toBeCloseTo(api.byCategory.military, 0);
    expect(overTime[0]).toMatchObject({ currency: "EUR", measure: "allocation", basis: "per month" });
    expect(overTime[0].source_publishers).toContain("Kiel Institute for the World Economy");
    expect(overTime[0].source_urls).toMatch(/^https?:\/\//);
    expect(overTime[0].selection).toContain("military, financial");

    const byDonor = await read("aid-by-donor");
    expect(byDonor.map((r) => r.donor_code)).toEqual(api.byDonor.map((d: { donorCode: string }) => d.donorCode));
    expect(sum(byDonor, "total")).toBeCloseTo(api.total, 0);

    const mix = await read("category-mix");
    expect(sum(mix, "amount")).toBeCloseTo(api.total, 0);
    expect(sum(mix, "share")).toBeCloseTo(1, 6);
  });

  test("copy image puts a PNG on the clipboard", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(VIEW);
    await expect(page.getByTestId("category-mix").locator(".recharts-pie-sector").first()).toBeVisible();
    const frame = page.getByTestId("category-mix");
    await frame.getByRole("button", { name: "Export" }).click();
    await frame.getByRole("button", { name: "Copy image" }).click();
    await expect(frame.getByRole("status")).toHaveText("Image copied");
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const blob = await item.getType("image/png");
      const bitmap = await createImageBitmap(blob);
      return { types: item.types, width: bitmap.width, height: bitmap.height };
    });
    expect(copied).toEqual({ types: ["image/png"], width: 2400, height: 1350 });
  });

  test("Germany and France selected: one series each in Aid over time, its table, its PNG, SVG and CSV, and on the slide", async ({ page }, testInfo) => {
    const noErrors = trackConsoleErrors(page);
    await page.goto("/?donor=DEU,FRA&category=military");
    const frame = page.getByTestId("aid-over-time");
    await expect(frame.getByRole("heading", { name: "Aid over time, by donor" })).toBeVisible();
    await expect(frame.getByRole("button", { name: "By donor" })).toHaveAttribute("aria-pressed", "true");
    await expect(frame.getByTestId("chart-legend")).toHaveText(/Germany.*France/);
    await expect(frame.locator(".recharts-bar-rectangle").first()).toBeVisible();
    const summary = await apiJson(page, "/api/aid/summary?donor=DEU,FRA&category=military");
    const byDonor = Object.fromEntries(summary.byDonor.map((d: { donorCode: string; total: number }) => [d.donorCode, d.total]));

    // The table: a column per donor whose sums are the API's donor totals.
    await frame.getByRole("button", { name: "View as table" }).click();
    const headers = await frame.locator("thead th").allTextContents();
    expect(headers).toEqual(["Period", "Germany", "France", "Total"]);
    const column = (i: number) =>
      frame.locator(`tbody tr td:nth-of-type(${i})`).evaluateAll((tds) => tds.reduce((s, td) => s + Number(td.getAttribute("data-value")), 0));
    expect(await column(1)).toBeCloseTo(byDonor.DEU, 0);
    expect(await column(2)).toBeCloseTo(byDonor.FRA, 0);
    await frame.getByRole("button", { name: "View as chart" }).click();

    const csvFile = testInfo.outputPath("aid-over-time-by-donor.csv");
    await exportFrom(page, "aid-over-time", "Download CSV", csvFile);
    const rows = parse(fs.readFileSync(csvFile, "utf8"), { columns: true }) as Record<string, string>[];
    expect(new Set(rows.map((r) => r.donor_name))).toEqual(new Set(["Germany", "France"]));
    for (const code of ["DEU", "FRA"])
      expect(
        sum(
          rows.filter((r) => r.donor_code === code),
          "amount",
        ),
      ).toBeCloseTo(byDonor[code], 0);
    expect(rows[0].source_publishers).toContain("Kiel Institute for the World Economy");

    const svgFile = testInfo.outputPath("aid-over-time-by-donor.svg");
    await exportFrom(page, "aid-over-time", "Download SVG", svgFile);
    const svg = fs.readFileSync(svgFile, "utf8");
    expect(svg).toContain("<title>Aid over time, by donor</title>");
    expect(svg).toMatch(/>Germany</);
    expect(svg).toMatch(/>France</);
    const pngFile = testInfo.outputPath("aid-over-time-by-donor.png");
    await exportFrom(page, "aid-over-time", "Download PNG", pngFile);
    expect([readPng(pngFile).width, readPng(pngFile).height]).toEqual([2400, 1350]);

    // Switching back stacks by category, in the URL.
    await frame.getByRole("button", { name: "By category" }).click();
    await expect(page).toHaveURL(/split=category/);
    await expect(frame.getByTestId("chart-legend")).toHaveText("Military");

    await page.goto("/brief?donor=DEU,FRA&category=military");
    await expect(page.locator("[data-testid='brief-slide']")).toHaveAttribute("data-state", "ready", { timeout: 30_000 });
    const panel = page.locator("[data-widget='aid-over-time']");
    await expect(panel).toContainText("Aid over time, by donor");
    await expect(panel.locator(".brief-legend")).toContainText("Germany");
    await expect(panel.locator(".brief-legend")).toContainText("France");
    noErrors();
  });
});
