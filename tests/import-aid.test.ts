import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";
import { call } from "./helpers/call-route";
import * as summary from "@/app/api/aid/summary/route";
import * as records from "@/app/api/aid/records/route";
import { importKielRelease } from "@/lib/import/kiel/import-kiel-release";
import { readReleaseFolder } from "@/lib/import/kiel/read-release-folder";
import { AidImportValidationError, importAidCsv, type ImportAidCsvOptions } from "@/lib/import/aid/import-aid-csv";

/** The DataVersion row's counter (bumped once per write transaction). */
async function versionCounter(db: { dataVersion: { findUnique: (a: { where: { id: number } }) => Promise<{ version: number } | null> } }): Promise<number> {
  return (await db.dataVersion.findUnique({ where: { id: 1 } }))?.version ?? 0;
}

const RELEASE = path.resolve(process.cwd(), "../shared/data/kiel-ust-r29");
const HEADER = "date,donor_code,category,measure,amount,currency,source_urls,source_publishers,source_titles,notes,external_key";

let t: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-import-aid-"));
let n = 0;
function csvFile(text: string): string {
  const file = path.join(dir, `f${++n}.csv`);
  fs.writeFileSync(file, text);
  return file;
}
const run = (text: string, o: Omit<ImportAidCsvOptions, "file">) => importAidCsv(t.db, t.url, { file: csvFile(text), ...o });
const rows = (...lines: string[]) => [HEADER, ...lines].join("\n") + "\n";
const row = (key: string, amount = 1000, donor = "DEU", date = "2024-03-01") =>
  `${date},${donor},military,allocation,${amount},EUR,https://ex.example/${key} | https://ex.example/shared,Pub ${key} | Shared,T ${key} | Shared title,,${key}`;

/** Everything stored for a dataset, for "untouched" checks. */
async function snapshot(datasetId: string) {
  return t.db.aidRecord.findMany({ where: { datasetId }, include: { sources: true }, orderBy: { id: "asc" } });
}

beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
  await importKielRelease(t.db, readReleaseFolder(RELEASE));
}, 120_000);
afterAll(async () => {
  await t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("import:aid round trip", () => {
  it.each([
    ["the Kiel release, filtered", "dataset=kiel-ust&from=2023-01-01&to=2024-12-31&category=military,humanitarian", "kiel-copy"],
    ["the curated commitments", "dataset=curated&measure=commitment&currency=USD", "curated-copy"],
  ])("exports %s, imports it as a new dataset, and the summaries agree", async (_label, query, copy) => {
    const exported = await call(records.GET, `/api/aid/records?${query}&format=csv`);
    expect(exported.status).toBe(200);
    const result = await run(exported.text, { datasetId: copy, name: `Copy (${copy})` });
    expect(result.outcome).toBe("imported");
    expect(result.change.added).toBe(result.rowsRead);

    const strip = (b: Record<string, unknown> & { byDonor: { gdpEur: unknown }[] }) => ({
      total: b.total,
      recordCount: b.recordCount,
      byCategory: b.byCategory,
      // GDP belongs to the tracker release, not to its records: the copy has none.
      byDonor: b.byDonor.map((d) => ({ ...d, gdpEur: null })),
      fx: b.fx,
    });
    const original = await call(summary.GET, `/api/aid/summary?${query}`);
    const copied = await call(summary.GET, `/api/aid/summary?${query.replace(/dataset=[^&]+/, `dataset=${copy}`)}`);
    expect(copied.status).toBe(200);
    expect(original.body.recordCount).toBeGreaterThan(0);
    expect(strip(copied.body)).toEqual(strip(original.body));

    // The copy exports the same rows again (keys included), so a second import changes nothing.
    const again = await call(records.GET, `/api/aid/records?${query.replace(/dataset=[^&]+/, `dataset=${copy}`)}&format=csv`);
    const second = await run(again.text, { datasetId: copy });
    expect(second.outcome).toBe("unchanged");
    expect(second.change).toMatchObject({ added: 0, updated: 0, unchanged: result.rowsRead });
  });

  it("reuses sources by URL and creates missing ones with an id derived from the URL", async () => {
    const result = await run(rows(row("s1"), row("s2")), { datasetId: "sources-test" });
    expect(result.newSources).toBe(3);
    const shared = await t.db.source.findMany({ where: { url: "https://ex.example/shared" } });
    expect(shared).toHaveLength(1);
    expect(shared[0].id).toMatch(/^src-[0-9a-f]{16}$/);
    expect(shared[0]).toMatchObject({ publisher: "Shared", title: "Shared title" });
    const again = await run(rows(row("s3")), { datasetId: "sources-test-2" });
    expect(again.newSources).toBe(1);
    const rec = await t.db.aidRecord.findFirstOrThrow({ where: { datasetId: "sources-test-2" }, include: { sources: true } });
    expect(rec.sources.map((s) => s.sourceId)).toContain(shared[0].id);
  });
});

describe("import:aid validation", () => {
  it("writes nothing when one row is bad, naming its line and column", async () => {
    const before = await versionCounter(t.db);
    const text = rows(row("b1"), row("b2"), row("b3").replace(",1000,", ",12abc,"), row("b4"));
    const err = await run(text, { datasetId: "bad-one" }).catch((e) => e);
    expect(err).toBeInstanceOf(AidImportValidationError);
    expect(err.problemCount).toBe(1);
    expect(err.problems[0]).toMatchObject({ line: 4, column: "amount" });
    expect(err.message).toContain('line 4, column "amount"');
    expect(await t.db.dataset.findUnique({ where: { id: "bad-one" } })).toBeNull();
    expect(await versionCounter(t.db)).toBe(before);
  });

  it.each([
    ["in this thread", false],
    ["on a worker thread (the command line)", true],
  ])("rolls back a new dataset whose bad row and unknown donor come after rows already written (parsing %s)", async (_label, parseInWorker) => {
    // A new dataset is validated and written in one pass: 4,500 good rows are
    // written in batches of 2,000 before the bad ones are met.
    const id = `bad-late-${parseInWorker ? "w" : "t"}`;
    const before = await versionCounter(t.db);
    const sourcesBefore = await t.db.source.count();
    const good = Array.from({ length: 4500 }, (_, i) => row(`late${i}`));
    const err = await run(rows(...good, row("late-bad").replace(",EUR,", ",XXX,"), `${HEADER},extra`), { datasetId: id, parseInWorker }).catch((e) => e);
    expect(err).toBeInstanceOf(AidImportValidationError);
    expect(err.problems).toEqual([
      expect.objectContaining({ line: 4502, column: "currency" }),
      expect.objectContaining({ line: 4503, message: expect.stringMatching(/expected 11 fields/) }),
    ]);
    const donor = await run(rows(...good, row("late-donor", 1, "ZZZ")), { datasetId: id, parseInWorker }).catch((e) => e);
    expect(donor.unknownDonors).toEqual(["ZZZ"]);
    expect(donor.problems).toEqual([expect.objectContaining({ line: 4502, column: "donor_code" })]);
    expect(await t.db.dataset.findUnique({ where: { id } })).toBeNull();
    expect(await t.db.aidRecord.count({ where: { datasetId: id } })).toBe(0);
    expect(await t.db.aidRollup.count({ where: { datasetId: id } })).toBe(0);
    expect(await t.db.source.count()).toBe(sourcesBefore);
    expect(await versionCounter(t.db)).toBe(before);
    // The same rows without the bad ones import whole, with the same totals either way.
    const ok = await run(rows(...good), { datasetId: id, parseInWorker });
    expect(ok).toMatchObject({ outcome: "imported", datasetCreated: true, recordCount: 4500, rowsRead: 4500, change: { added: 4500 } });
    expect(ok.totals).toEqual([{ measure: "allocation", currency: "EUR", rows: 4500, amount: 4_500_000 }]);
    expect(await t.db.aidRecord.count({ where: { datasetId: id } })).toBe(4500);
    expect((await t.db.aidRollup.aggregate({ where: { datasetId: id }, _sum: { amount: true } }))._sum.amount).toBe(4_500_000);
  });

  it("lists at most 50 problems and counts the rest", async () => {
    const bad = Array.from({ length: 70 }, (_, i) => row(`m${i}`).replace(",EUR,", ",GBP,"));
    const err = await run(rows(...bad), { datasetId: "bad-many" }).catch((e) => e);
    expect(err.problemCount).toBe(70);
    expect(err.problems).toHaveLength(50);
    expect(err.problems[0]).toMatchObject({ line: 2, column: "currency" });
  });

  it("reports a missing required column and a quoted field spanning lines at the right line", async () => {
    const missing = await run("date,donor_code\n2024-03-01,DEU\n", { datasetId: "bad-header" }).catch((e) => e);
    expect(missing.problems.map((p: { column: string }) => p.column)).toContain("amount");
    const multi = rows(row("q1").replace(",,q1", ',"a note\nover two lines",q1'), row("q2").replace(",EUR,", ",XXX,"));
    const err = await run(multi, { datasetId: "bad-multiline" }).catch((e) => e);
    expect(err.problems).toEqual([expect.objectContaining({ line: 4, column: "currency" })]);
    // Blank lines are skipped and still counted.
    const blanks = `${HEADER}\n\n${row("e1")}\n\n\n${row("e2").replace(",EUR,", ",XXX,")}\n`;
    const err2 = await run(blanks, { datasetId: "bad-blank-lines" }).catch((e) => e);
    expect(err2.problems).toEqual([expect.objectContaining({ line: 6, column: "currency" })]);
  });

  it("lists unknown donor codes, distinct and sorted, and writes nothing", async () => {
    const text = rows(row("u1", 1, "ZZZ"), row("u2", 1, "AAA"), row("u3", 1, "ZZZ"), row("u4"));
    const err = await run(text, { datasetId: "bad-donors" }).catch((e) => e);
    expect(err).toBeInstanceOf(AidImportValidationError);
    expect(err.unknownDonors).toEqual(["AAA", "ZZZ"]);
    expect(err.problems).toEqual([expect.objectContaining({ line: 3, column: "donor_code" }), expect.objectContaining({ line: 2, column: "donor_code" })]);
    expect(await t.db.dataset.findUnique({ where: { id: "bad-donors" } })).toBeNull();
  });

  it("rejects a duplicate external_key and refuses a tracker dataset", async () => {
    const dup = await run(rows(row("d1"), row("d1", 5)), { datasetId: "bad-dup" }).catch((e) => e);
    expect(dup.problems).toEqual([expect.objectContaining({ line: 3, column: "external_key" })]);
    const tracker = await run(rows(row("t1")), { datasetId: "kiel-ust" }).catch((e) => e);
    expect(tracker.status).toBe(400);
    expect(tracker.message).toMatch(/tracker/);
    const badId = await run(rows(row("t1")), { datasetId: "Bad Id!" }).catch((e) => e);
    expect(badId.status).toBe(400);
  });
});

describe("import:aid changes", () => {
  it("re-importing the same file without keys is unchanged (derived keys, identical rows kept apart)", async () => {
    const noKeys = (s: string) => s.replace(/,[^,]*$/, ",");
    const text = rows(noKeys(row("n1")), noKeys(row("n1")), noKeys(row("n2", 2000)));
    const first = await run(text, { datasetId: "no-keys" });
    expect(first.change.added).toBe(3);
    expect(await t.db.aidRecord.count({ where: { datasetId: "no-keys" } })).toBe(3);
    const version = await versionCounter(t.db);
    const second = await run(text, { datasetId: "no-keys" });
    expect(second.outcome).toBe("unchanged");
    expect(second.change).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    expect(await t.db.aidRecord.count({ where: { datasetId: "no-keys" } })).toBe(3);
    expect(await versionCounter(t.db)).toBe(version + 1); // the ImportRun row is a write too
    const runs = await t.db.importRun.findMany({ where: { datasetId: "no-keys" }, orderBy: { startedAt: "asc" } });
    expect(runs.map((r) => r.outcome)).toEqual(["imported", "unchanged"]);
  });

  it("merges by default, replaces with --replace, and leaves other datasets untouched", async () => {
    const curated = await snapshot("curated");
    const kiel = await snapshot("kiel-ust");
    await run(rows(row("r1", 1), row("r2", 2), row("r3", 3)), { datasetId: "rep", name: "Replace test" });

    const dry = await run(rows(row("r1", 1), row("r2", 20), row("r4", 4)), { datasetId: "rep", replace: true, dryRun: true });
    expect(dry.outcome).toBe("dry-run");
    expect(dry.change).toEqual({ mode: "replace", added: 1, updated: 1, unchanged: 1, removed: 1, kept: 0 });
    expect(dry.recordCount).toBe(3);
    expect(dry.totals).toEqual([{ measure: "allocation", currency: "EUR", rows: 3, amount: 25 }]);
    expect((await snapshot("rep")).map((r) => r.amount)).toEqual([1, 2, 3]);

    const merged = await run(rows(row("r2", 20), row("r4", 4)), { datasetId: "rep" });
    expect(merged.change).toEqual({ mode: "merge", added: 1, updated: 1, unchanged: 0, removed: 0, kept: 2 });
    expect((await snapshot("rep")).map((r) => [r.externalKey, r.amount])).toEqual([
      ["r1", 1],
      ["r2", 20],
      ["r3", 3],
      ["r4", 4],
    ]);

    const replaced = await run(rows(row("r1", 1), row("r2", 21)), { datasetId: "rep", replace: true });
    expect(replaced.change).toEqual({ mode: "replace", added: 0, updated: 1, unchanged: 1, removed: 2, kept: 0 });
    const after = await snapshot("rep");
    expect(after.map((r) => [r.externalKey, r.amount, r.periodMonth])).toEqual([
      ["r1", 1, 202403],
      ["r2", 21, 202403],
    ]);
    expect(after[0].sources).toHaveLength(2);
    expect((await t.db.dataset.findUniqueOrThrow({ where: { id: "rep" } })).name).toBe("Replace test");

    expect(await snapshot("curated")).toEqual(curated);
    expect(await snapshot("kiel-ust")).toEqual(kiel);
  });

  it("stores dates as the Prisma adapter does and bumps the data version once per import", async () => {
    const version = await versionCounter(t.db);
    await run(rows(row("v1", 7, "FRA", "2025-11-01")), { datasetId: "dates" });
    expect(await versionCounter(t.db)).toBe(version + 1);
    const rec = await t.db.aidRecord.findFirstOrThrow({ where: { datasetId: "dates" } });
    expect(rec.date.toISOString()).toBe("2025-11-01T00:00:00.000Z");
    expect(rec.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    // Prisma filters compare the stored text: a date range query finds the row.
    expect(
      await t.db.aidRecord.count({ where: { datasetId: "dates", date: { gte: new Date("2025-11-01T00:00:00Z"), lt: new Date("2025-11-02T00:00:00Z") } } }),
    ).toBe(1);
  });
});
