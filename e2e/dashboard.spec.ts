import { expect, test } from "@playwright/test";
import { apiJson, trackConsoleErrors } from "./helpers";

test.describe("aid dashboard", () => {
  test("first paint holds data and both charts draw marks from the tracker release", async ({ page }) => {
    const noErrors = trackConsoleErrors(page);
    await page.goto("/");
    await expect(page.getByTestId("data-as-of")).toContainText("Release 29");
    const overTime = page.getByTestId("aid-over-time");
    const byDonor = page.getByTestId("aid-by-donor");
    await expect(overTime.locator(".recharts-bar-rectangle").first()).toBeVisible();
    expect(await overTime.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(50);
    await expect(byDonor.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(byDonor.getByText("United States").first()).toBeVisible();
    await expect(overTime.getByTestId("sources-line")).toContainText("Kiel Institute");
    const summary = await apiJson(page, "/api/aid/summary");
    expect(Number(await page.getByTestId("kpi-total").getAttribute("data-value"))).toBeCloseTo(summary.total, 0);
    noErrors();
  });

  test("donor and category filters drive every widget, live in the URL and survive a reload", async ({ page }) => {
    const noErrors = trackConsoleErrors(page);
    await page.goto("/");
    const donorInput = page.getByTestId("donor-input");
    await donorInput.fill("Germ");
    await expect(page.getByRole("option", { name: /Germany/ })).toBeVisible();
    await donorInput.press("Enter");
    await expect(page).toHaveURL(/donor=DEU/);
    await page.keyboard.press("Escape");
    await page.getByRole("group", { name: "Category" }).getByRole("button", { name: "Military" }).click();
    await expect(page).toHaveURL(/category=military/);
    await expect(page.getByTestId("filter-summary")).toContainText("Germany · military · allocations");

    const api = await apiJson(page, "/api/aid/summary?donor=DEU&category=military");
    const series = await apiJson(page, "/api/aid/timeseries?donor=DEU&category=military&granularity=month");
    await expect(page.getByTestId("kpi-total")).toHaveAttribute("data-value", String(api.total));

    const overTime = page.getByTestId("aid-over-time");
    await overTime.getByRole("button", { name: "View as table" }).click();
    const cells = overTime.getByTestId("row-total");
    await expect(cells).toHaveCount(series.points.length);
    const values = await cells.evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-value"))));
    const tableTotal = values.reduce((a, b) => a + b, 0);
    expect(tableTotal).toBeCloseTo(api.total, 0);
    expect(api.byDonor.map((d: { donorCode: string }) => d.donorCode)).toEqual(["DEU"]);

    await page.reload();
    await expect(page.getByTestId("filter-summary")).toContainText("Germany · military · allocations");
    await expect(page.getByTestId("kpi-total")).toHaveAttribute("data-value", String(api.total));

    await page.goBack();
    await expect(page).not.toHaveURL(/category=military/);
    await page.getByTestId("reset-filters").click();
    await expect(page.getByTestId("filter-summary")).toContainText("All donors · all categories");
    noErrors();
  });

  test("a pasted link with an unknown donor code says so and falls back", async ({ page }) => {
    await page.goto("/?donor=DEU,ZZZ&measure=both");
    const problems = page.getByTestId("filter-problems");
    await expect(problems).toContainText('Unknown donor code "ZZZ"');
    await expect(problems).toContainText("measure=both");
    await expect(page.getByTestId("filter-summary")).toContainText("Germany · all categories · allocations");
  });

  test("the layout holds at 1440, 1024, 768 and 390 px", async ({ page }, testInfo) => {
    for (const width of [1440, 1024, 768, 390]) {
      await page.setViewportSize({ width, height: 1000 });
      await page.goto("/?donor=USA,DEU,GBR,FRA&granularity=quarter");
      await expect(page.getByTestId("aid-over-time").locator(".recharts-bar-rectangle").first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`dashboard-${width}.png`), fullPage: true });
    }
  });
});
