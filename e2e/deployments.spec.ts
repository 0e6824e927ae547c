import { expect, test } from "@playwright/test";
import { apiJson, trackConsoleErrors } from "./helpers";
import { personnelRows } from "@/components/deployments/personnel-series";

test.describe("deployments", () => {
  test("the timeline, the personnel band and the table all show the seeded reports with sources", async ({ page }) => {
    const noErrors = trackConsoleErrors(page);
    await page.goto("/deployments");
    const api = await apiJson(page, "/api/deployments?pageSize=1000");
    await expect(page.getByTestId("deployments-count")).toHaveText(`${api.total} reports`);

    const timeline = page.getByTestId("deployment-timeline");
    await expect(timeline.getByRole("figure")).toBeVisible();
    await expect(timeline.getByTestId("deployment-marker")).toHaveCount(api.total);
    for (const status of ["reported", "confirmed", "acknowledged"]) {
      expect(await timeline.locator(`[data-testid="deployment-marker"][data-status="${status}"]`).count()).toBeGreaterThan(0);
    }
    await expect(timeline.getByText("North Korea → Russia", { exact: true })).toBeVisible();

    const nis = api.items.find((d: { id: string }) => d.id === "dep-2024-10-18-nis-first-report");
    await timeline.getByRole("button", { name: /^18 Oct 2024 North Korea → Russia: Special forces, 1,500–12,000, reported$/ }).click();
    const detail = timeline.getByTestId("deployment-detail");
    await expect(detail).toHaveAttribute("data-id", nis.id);
    await expect(detail.getByRole("link", { name: nis.sources[0].title })).toHaveAttribute("href", nis.sources[0].url);
    await expect(detail).toContainText(nis.sources[0].publisher);

    const personnel = page.getByTestId("deployment-personnel");
    await expect(personnel.locator(".recharts-area-area")).toBeVisible();
    const chart = personnel.getByTestId("personnel-chart");
    // The chart opens on North Korea, the best-documented country: its band and one-sided bounds follow the data.
    const rows = personnelRows(api.items, "PRK");
    expect(rows.filter((r) => r.range).length).toBeGreaterThanOrEqual(2);
    await expect(chart).toHaveAttribute("data-band-points", String(rows.filter((r) => r.range).length));
    await expect(chart.getByTestId("personnel-low-only")).toHaveCount(rows.filter((r) => r.lowOnly !== null).length);
    await expect(chart.getByTestId("personnel-high-only")).toHaveCount(rows.filter((r) => r.highOnly !== null).length);
    await expect(personnel.getByTestId("sources-line").getByRole("link").first()).toHaveAttribute("href", /^https?:\/\//);

    const table = page.getByRole("table", { name: "Deployment reports with their sources and notes" });
    await expect(table.locator("tbody tr")).toHaveCount(api.total);
    const row = table.locator(`tr[data-id="${nis.id}"]`);
    await expect(row).toHaveAttribute("data-selected", "true");
    await expect(row).toContainText("1,500–12,000");
    await expect(row.locator(".badge-reported")).toBeVisible();
    await expect(row.getByRole("link", { name: nis.sources[0].publisher })).toHaveAttribute("href", nis.sources[0].url);
    noErrors();
  });

  test("from and to in the URL narrow every view", async ({ page }) => {
    const noErrors = trackConsoleErrors(page);
    await page.goto("/deployments?from=2024-10-01&to=2024-10-31");
    const october = await apiJson(page, "/api/deployments?from=2024-10-01&to=2024-10-31&pageSize=1000");
    const all = await apiJson(page, "/api/deployments?pageSize=1000");
    expect(october.total).toBeGreaterThan(0);
    expect(october.total).toBeLessThan(all.total);
    await expect(page.getByTestId("deployment-timeline").getByTestId("deployment-marker")).toHaveCount(october.total);
    await expect(page.getByRole("table", { name: "Deployment reports with their sources and notes" }).locator("tbody tr")).toHaveCount(october.total);
    await expect(page.getByLabel("From")).toHaveValue("2024-10-01");
    await page.getByRole("button", { name: "All dates" }).click();
    await expect(page).toHaveURL(/\/deployments$/);
    await expect(page.getByTestId("deployment-timeline").getByTestId("deployment-marker")).toHaveCount(all.total);
    noErrors();
  });

  test("a range past the last report shades the days after it in both charts", async ({ page }) => {
    const noErrors = trackConsoleErrors(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/deployments?to=2026-11-30");
    const meta = await apiJson(page, "/api/meta");
    const last = meta.coverage.deployments.to;
    await expect(page.getByTestId("deployment-timeline-chart")).toHaveAttribute("data-last-report", last);
    const label = /no deployment reports after \d{1,2} [A-Z][a-z]{2} 2025/;
    const timeline = page.getByTestId("deployment-timeline");
    // The shade always; its label only where it fits (the caption always says it).
    await expect(timeline.getByTestId("uncovered-span")).toHaveCount(1);
    await expect(timeline.getByTestId("uncovered-note")).toContainText(label);
    const personnel = page.getByTestId("deployment-personnel");
    await expect(personnel.locator(".recharts-reference-area")).toHaveCount(1);
    await expect(personnel.getByTestId("personnel-chart").locator("svg text", { hasText: label })).toBeVisible();
    await expect(personnel.getByTestId("uncovered-note")).toContainText(label);
    // Within the reports' own span there is nothing to shade in the personnel chart.
    await page.goto("/deployments?from=2024-10-01&to=2024-10-31");
    await expect(page.getByTestId("deployment-timeline").getByTestId("deployment-marker")).toHaveCount(5);
    await expect(page.getByTestId("uncovered-span")).toHaveCount(0);
    noErrors();
  });

  test("the layout holds at 1440 and 390 px", async ({ page }, testInfo) => {
    const noErrors = trackConsoleErrors(page);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 1000 });
      await page.goto("/deployments");
      await expect(page.getByTestId("deployment-personnel").locator(".recharts-area-area")).toBeVisible();
      await page.getByTestId("deployment-marker").first().click();
      await expect(page.getByTestId("deployment-detail")).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`deployments-${width}.png`), fullPage: true });
    }
    noErrors();
  });
});
