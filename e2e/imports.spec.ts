import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { trackConsoleErrors } from "./helpers";
import { signInAs } from "./accounts";

const RELEASE = path.resolve(__dirname, "../../shared/data/kiel-ust-r29");

test.describe("tracker imports page", () => {
  test("lists the imported release with its citation", async ({ page }) => {
    const noErrors = trackConsoleErrors(page);
    await page.goto("/imports");
    const runs = page.getByTestId("import-runs");
    await expect(runs).toContainText("Ukraine Support Tracker, Release 29");
    await expect(runs.getByRole("link", { name: "Kiel Institute for the World Economy" }).first()).toHaveAttribute("href", /ifw-kiel\.de/);
    noErrors();
  });

  test("previews an upload of the imported release as unchanged", async ({ page }) => {
    await signInAs(page, "admin", "/imports");
    await page.getByTestId("file-data-explorer").setInputFiles(path.join(RELEASE, "data_explorer.csv"));
    await page.getByLabel(/release_info\.csv/).setInputFiles(path.join(RELEASE, "release_info.csv"));
    await page.getByLabel(/weapons\.csv/).setInputFiles(path.join(RELEASE, "weapons.csv"));
    await page.getByRole("button", { name: "Preview (dry run)" }).click();
    const result = page.getByTestId("import-result");
    await expect(result).toHaveAttribute("data-outcome", "dry-run");
    await expect(result).toContainText("already imported");
    await expect(result).toContainText("1,079 rows");
    await expect(page.getByTestId("confirm-import")).toBeDisabled();
  });

  test("shows the guard on a truncated file, and lets the import through only when allowed", async ({ page }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-e2e-cut-"));
    const lines = fs.readFileSync(path.join(RELEASE, "data_explorer.csv"), "utf8").split("\n");
    const cut = path.join(dir, "data_explorer.csv");
    fs.writeFileSync(cut, `${lines.slice(0, 41).join("\n")}\n`); // header + 40 rows

    await signInAs(page, "admin", "/imports");
    await page.getByTestId("file-data-explorer").setInputFiles(cut);
    await page.getByLabel(/release_info\.csv/).setInputFiles(path.join(RELEASE, "release_info.csv"));
    await page.getByRole("button", { name: "Preview (dry run)" }).click();
    const guard = page.getByTestId("import-guard");
    await expect(guard).toHaveAttribute("data-refused", "true");
    await expect(guard).toContainText(/would remove 2,\d{3} of 2,265 records \(9\d%\)/);
    await expect(page.getByTestId("confirm-import")).toBeDisabled();

    await page.getByTestId("guard-allowShrink").check();
    await expect(page.getByTestId("import-result")).toHaveCount(0); // a changed form drops the stale preview
    await page.getByRole("button", { name: "Preview (dry run)" }).click();
    await expect(page.getByTestId("import-guard")).toHaveAttribute("data-refused", "false");
    await expect(page.getByTestId("confirm-import")).toBeEnabled();
    fs.rmSync(dir, { recursive: true });
  });

  test("asks for an admin's sign-in instead of a token, and rejects a corrupted file naming the line", async ({ page }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-e2e-bad-"));
    const lines = fs.readFileSync(path.join(RELEASE, "data_explorer.csv"), "utf8").split("\n");
    const cells = lines[4].split(",");
    cells[3] = "13"; // month 13 on line 5
    lines[4] = cells.join(",");
    const bad = path.join(dir, "data_explorer.csv");
    fs.writeFileSync(bad, lines.join("\n"));

    await page.goto("/imports");
    await expect(page.getByRole("link", { name: "Sign in", exact: true }).first()).toBeVisible();
    await expect(page.getByTestId("file-data-explorer")).toHaveCount(0);
    await expect(page.locator('input[type="password"]')).toHaveCount(0); // no token field on the page

    await signInAs(page, "editor", "/imports");
    await expect(page.getByText("Your role does not allow you to upload releases")).toBeVisible();

    await signInAs(page, "admin", "/imports");
    await page.getByTestId("file-data-explorer").setInputFiles(bad);
    await page.getByRole("button", { name: "Preview (dry run)" }).click();
    const err = page.getByTestId("import-error");
    await expect(err).toContainText("nothing was written");
    await expect(err).toContainText("line 5");
    await expect(err).toContainText("month");
    fs.rmSync(dir, { recursive: true });
  });
});
