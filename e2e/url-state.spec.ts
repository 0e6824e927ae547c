import { expect, test } from "@playwright/test";
import { trackConsoleErrors } from "./helpers";

/** URL state (nuqs): warnings name the parameter, views keep each other's keys, back and forward step through views. */
test.describe("URL state", () => {
  test("a parameter the page does not read is named as such, not as a date problem (/deployments?top=99)", async ({ page }) => {
    await page.goto("/deployments?top=99&from=2024-02-30");
    const problems = page.getByTestId("filter-problems");
    await expect(problems).toContainText('"top=99" is not a setting of this page');
    await expect(problems).toContainText('"from=2024-02-30" is not valid');
    await expect(problems).not.toContainText('top=99" is not valid');
  });

  test("the dashboard names an unknown parameter and its value", async ({ page }) => {
    await page.goto("/?donor=DEU&colour=red&split=bars");
    const problems = page.getByTestId("filter-problems");
    await expect(problems).toContainText('"colour=red" is not a setting of this page');
    await expect(problems).toContainText('"split=bars" is not valid (category or donor)');
  });

  test("back and forward step through dashboard views", async ({ page }) => {
    const noErrors = trackConsoleErrors(page);
    await page.goto("/");
    const summary = page.getByTestId("filter-summary");
    await page.getByRole("group", { name: "Category" }).getByRole("button", { name: "Military" }).click();
    await expect(page).toHaveURL(/category=military/);
    await expect(summary).toContainText("military");
    await page.getByRole("group", { name: "Category" }).getByRole("button", { name: "Financial" }).click();
    await expect(page).toHaveURL(/category=military(,|%2C)financial/);

    await page.goBack();
    await expect(page).toHaveURL(/category=military(&|$)/);
    await expect(summary).toContainText("All donors · military ·");
    await page.goBack();
    await expect(page).not.toHaveURL(/category=/);
    await expect(summary).toContainText("All donors · all categories");
    await page.goForward();
    await expect(summary).toContainText("All donors · military ·");
    noErrors();
  });

  test("the escalation page's own keys survive a change of the shared filters, and vice versa", async ({ page }) => {
    await page.goto("/escalation?halfLife=60&donor=DEU");
    await expect(page.getByTestId("escalation-chart")).toHaveAttribute("data-half-life", "60");
    await page.getByRole("group", { name: "Category" }).getByRole("button", { name: "Military" }).click();
    await expect(page).toHaveURL(/category=military/);
    await expect(page).toHaveURL(/halfLife=60/);
    await expect(page).toHaveURL(/donor=DEU/);
    await page.getByTestId("half-life-input").fill("90");
    await expect(page).toHaveURL(/halfLife=90/);
    await expect(page).toHaveURL(/category=military/);
  });
});
