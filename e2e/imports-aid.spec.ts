import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { trackConsoleErrors } from "./helpers";
import { signInAs } from "./accounts";

const HEADER = "date,donor_code,category,measure,amount,currency,source_urls,source_publishers,external_key";

function csv(name: string, lines: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-e2e-aid-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, [HEADER, ...lines].join("\n") + "\n");
  return file;
}

test.describe("aid dataset upload", () => {
  test("previews, then imports a CSV into a new dataset the API then serves", async ({ page, request }) => {
    const noErrors = trackConsoleErrors(page);
    const dataset = `e2e-aid-${Date.now()}`;
    const file = csv("aid.csv", [
      "2024-01-01,DNK,military,allocation,1000000,EUR,https://e2e.example/a,Ministry,k1",
      "2024-02-01,DNK,humanitarian,allocation,250000,EUR,https://e2e.example/a | https://e2e.example/b,Ministry | Agency,k2",
      "2024-03-01,SWE,financial,commitment,400000,USD,https://e2e.example/b,Agency,k3",
    ]);
    await signInAs(page, "admin", "/imports");
    const form = page.getByTestId("aid-upload");
    await form.getByTestId("aid-file").setInputFiles(file);
    await form.getByTestId("aid-dataset").fill(dataset);
    await form.getByRole("button", { name: "Check the CSV (dry run)" }).click();
    const result = form.getByTestId("aid-import-result");
    await expect(result).toHaveAttribute("data-outcome", "dry-run");
    await expect(result).toContainText("3 added");
    await expect(result).toContainText("1,250,000");

    await form.getByTestId("aid-confirm").click();
    await expect(result).toHaveAttribute("data-outcome", "imported");
    const api = await (await request.get(`/api/aid/summary?dataset=${dataset}`)).json();
    expect(api.recordCount).toBe(2);
    expect(api.byCategory).toMatchObject({ military: 1_000_000, humanitarian: 250_000 });
    noErrors();
  });

  test("rejects a bad row naming its line and column; nothing written", async ({ page, request }) => {
    const dataset = `e2e-aid-bad-${Date.now()}`;
    const file = csv("bad.csv", [
      "2024-01-01,DNK,military,allocation,1000000,EUR,https://e2e.example/a,Ministry,k1",
      "2024-01-01,DNK,military,allocation,lots,EUR,https://e2e.example/a,Ministry,k2",
    ]);
    await signInAs(page, "admin", "/imports");
    const form = page.getByTestId("aid-upload");
    await form.getByTestId("aid-file").setInputFiles(file);
    await form.getByTestId("aid-dataset").fill(dataset);
    await form.getByRole("button", { name: "Check the CSV (dry run)" }).click();
    const err = form.getByTestId("aid-import-error");
    await expect(err).toContainText("nothing was written");
    await expect(err).toContainText('line 3, column "amount"');
    expect((await request.get(`/api/aid/summary?dataset=${dataset}`)).status()).not.toBe(200);
  });
});
