import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";
import { rollupDrift } from "./helpers/rollup-drift";
import { importKielRelease } from "@/lib/import/kiel/import-kiel-release";
import { readReleaseFolder } from "@/lib/import/kiel/read-release-folder";
import { importAidCsv } from "@/lib/import/aid/import-aid-csv";
import { createAidRecord, deleteAidRecord, updateAidRecord } from "@/lib/aid/mutations";
import { getAidSummary, getAidTimeseries, listAidRecords } from "@/lib/aid/queries";
import { ZAidFilters, ZRecordsQuery, ZTimeseriesQuery } from "@/lib/aid/schemas";

/**
 * The rollup (lib/aid/rollup.ts) must equal the records after every kind of
 * write: seed, Kiel import, import:aid (merge and replace) and each API
 * mutation. The aggregations read only the rollup, so a drift would be a
 * wrong figure on the dashboard.
 */
let t: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-rollup-"));
const HEADER = "date,granularity,donor_code,category,subcategory,measure,amount,currency,source_urls,source_publishers,external_key";

function csv(lines: string[]): string {
  const file = path.join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(file, [HEADER, ...lines].join("\n") + "\n");
  return file;
}

const noDrift = async () => expect(await rollupDrift(t.db)).toEqual({ cells: [], sources: [] });

beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
}, 120_000);
afterAll(async () => {
  await t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("aid rollup", () => {
  it("matches the records after the seed and after a Kiel release import", async () => {
    expect(await t.db.aidRollup.count({ where: { datasetId: "curated" } })).toBeGreaterThan(0);
    await noDrift();
    await importKielRelease(t.db, readReleaseFolder(path.resolve("data/kiel/r29")));
    expect(await t.db.aidRollup.count({ where: { datasetId: "kiel-ust" } })).toBeGreaterThan(100);
    await noDrift();
  }, 120_000);

  it("matches the records after import:aid merges and replaces", async () => {
    const first = csv([
      "2024-03-05,day,DEU,military,procurement,allocation,100,EUR,https://a.example/1,Pub A,k1",
      "2024-03-25,day,DEU,military,procurement,allocation,200,EUR,https://b.example/2,Pub B,k2",
      "2024-04-01,month,FRA,humanitarian,,allocation,300,USD,https://a.example/1 | https://c.example/3,Pub A | Pub C,k3",
    ]);
    await importAidCsv(t.db, t.url, { file: first, datasetId: "rollup-test" });
    await noDrift();
    // Merge: k2 moves to another month and source, k4 is new; k1 and k3 are kept.
    await importAidCsv(t.db, t.url, {
      file: csv([
        "2024-05-10,day,DEU,military,procurement,allocation,250,EUR,https://d.example/4,Pub D,k2",
        "2024-05-11,day,POL,financial,,commitment,50,EUR,https://d.example/4,Pub D,k4",
      ]),
      datasetId: "rollup-test",
    });
    await noDrift();
    // Replace: only the first file's rows remain.
    await importAidCsv(t.db, t.url, { file: first, datasetId: "rollup-test", replace: true });
    await noDrift();
    expect(await t.db.aidRollup.count({ where: { datasetId: "rollup-test", measure: "commitment" } })).toBe(0);
  }, 60_000);

  it("keeps day precision: a date filter inside a month selects the right records and sources", async () => {
    const f = ZAidFilters.parse({ dataset: "rollup-test", from: "2024-03-10", to: "2024-03-31" });
    const summary = await getAidSummary(t.db, f);
    expect(summary.total).toBe(200);
    expect(summary.recordCount).toBe(1);
    expect(summary.sources.map((s) => s.url)).toContain("https://b.example/2");
    expect(summary.sources.map((s) => s.url)).not.toContain("https://a.example/1");
    const page = await listAidRecords(t.db, ZRecordsQuery.parse({ dataset: "rollup-test", from: "2024-03-10", to: "2024-03-31" }));
    expect(page.total).toBe(1);
    const series = await getAidTimeseries(t.db, ZTimeseriesQuery.parse({ dataset: "rollup-test", granularity: "month" }));
    expect(series.points.find((p) => p.period.startsWith("2024-03"))?.total).toBe(300);
  });

  it("follows each API mutation (create, move to another month, change sources, delete)", async () => {
    const created = await createAidRecord(t.db, {
      datasetId: "analyst",
      donorCode: "DEU",
      date: "2025-01-15",
      granularity: "day",
      category: "military",
      measure: "allocation",
      amount: 1_000_000,
      currency: "EUR",
      sources: [{ publisher: "Rollup test", title: "A report", url: "https://rollup.example/a" }],
    });
    await noDrift();
    const f = ZAidFilters.parse({ dataset: "analyst", from: "2025-01-01", to: "2025-01-31" });
    expect((await getAidSummary(t.db, f)).total).toBe(1_000_000);

    await updateAidRecord(t.db, created.id, {
      date: "2025-02-03",
      sources: [{ publisher: "Rollup test", title: "Another report", url: "https://rollup.example/b" }],
    });
    await noDrift();
    expect((await getAidSummary(t.db, f)).total).toBe(0);
    const feb = await getAidSummary(t.db, ZAidFilters.parse({ dataset: "analyst", from: "2025-02-01", to: "2025-02-28" }));
    expect(feb.total).toBe(1_000_000);
    expect(feb.sources.map((s) => s.url)).toEqual(expect.arrayContaining(["https://rollup.example/b"]));
    expect(feb.sources.map((s) => s.url)).not.toContain("https://rollup.example/a");

    await updateAidRecord(t.db, created.id, { measure: "commitment", amount: 5 });
    await noDrift();
    await deleteAidRecord(t.db, created.id);
    await noDrift();
    expect((await getAidSummary(t.db, ZAidFilters.parse({ dataset: "analyst", from: "2025-02-01", to: "2025-02-28", measure: "commitment" }))).total).toBe(0);
  });
});
