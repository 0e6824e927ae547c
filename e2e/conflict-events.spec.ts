import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInAs } from "./accounts";
import { apiJson, trackConsoleErrors } from "./helpers";

/** A SYNTHETIC ACLED export (no real event), unique per run so that its import is never "unchanged". */
function syntheticAcled(): string {
  const run = Date.now();
  const header = "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,notes,fatalities";
  const rows = [
    `E2E1,2025-05-01,1,Explosions/Remote violence,Air/drone strike,Military Forces of Russia (2000-),,Ukraine,Kharkiv,"SYNTHETIC e2e ${run}, strike",3`,
    `E2E2,2025-05-02,1,Battles,Armed clash,Military Forces of Russia (2000-),Military Forces of Ukraine (2019-),Ukraine,Donetsk,SYNTHETIC e2e,5`,
    `E2E3,2025-05-02,2,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Ukraine (2019-),,Russia,Belgorod,SYNTHETIC e2e,1`,
    `E2E4,16 May 2025,1,Battles,Armed clash,Military Forces of Ukraine (2019-),Military Forces of Russia (2000-),Russia,Kursk,SYNTHETIC e2e,7`,
  ];
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "aem-e2e-conflict-")), "acled-e2e.csv");
  fs.writeFileSync(file, [header, ...rows].join("\n") + "\n");
  return file;
}

test("imports an ACLED export on the Imports page; the kinetic panel draws it with its citation", async ({ page }) => {
  const noErrors = trackConsoleErrors(page);
  await signInAs(page, "admin", "/imports");
  const form = page.getByTestId("conflict-upload");
  await form.getByTestId("conflict-file").setInputFiles(syntheticAcled());
  await form.getByTestId("conflict-format").selectOption("acled");
  await form.getByRole("button", { name: "Check the file (dry run)" }).click();
  const result = form.getByTestId("conflict-import-result");
  await expect(result).toHaveAttribute("data-outcome", "dry-run");
  await expect(result).toContainText("Covers 2025-05-01 – 2025-05-16 for Russia, Ukraine");
  await expect(result).toContainText("4 events");
  await form.getByTestId("conflict-confirm").click();
  await expect(result).toHaveAttribute("data-outcome", "imported");

  await page.goto("/escalation?from=2025-04-01&to=2025-06-30");
  const panel = page.getByTestId("kinetic-panel");
  await expect(panel).toHaveAttribute("data-state", "ready");
  await expect(panel.getByTestId("kinetic-citation")).toContainText("Armed Conflict Location & Event Data (ACLED)");
  await expect(panel.getByTestId("kinetic-citation")).toContainText("Licence: ACLED Terms of Use");
  await expect(panel.getByTestId("kinetic-citation")).toContainText("reported estimates");
  // One line per series, drawn over the days the dataset covers.
  await expect(panel.locator(".recharts-line path.recharts-curve")).toHaveCount(4);
  const d = await panel.locator(".recharts-line path.recharts-curve").first().getAttribute("d");
  expect(d?.length ?? 0).toBeGreaterThan(20);

  // The regions table shows what the API sums for the same range.
  const api = await apiJson(page, "/api/conflict/regions?from=2025-04-01&to=2025-06-30&dataset=acled");
  const first = api.regions[0];
  const row = panel.getByTestId("kinetic-regions").locator("tbody tr").first();
  await expect(row).toContainText(first.admin1);
  await expect(row.locator("td").nth(2)).toHaveText(first.events.toLocaleString("en-GB"));

  // The CSV export carries the citation, the licence and the caveat.
  const [download] = await Promise.all([page.waitForEvent("download"), panel.getByTestId("kinetic-export-csv").click()]);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  expect(csv).toMatch(/^# Data: ACLED/);
  expect(csv).toContain("# Licence: ACLED Terms of Use");
  expect(csv).toContain("reported estimates");
  noErrors();
});
