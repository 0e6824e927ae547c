import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-db";
import { importKielRelease, importKielReleaseIfMissing, KielValidationError, type ImportKielResult } from "@/lib/import/kiel/import-kiel-release";
import { readReleaseFolder, type KielReleaseFiles } from "@/lib/import/kiel/read-release-folder";

// The real Release 29 beside the checkout. Missing data is a failure, never a skip.
const RELEASE = path.resolve(process.cwd(), "../shared/data/kiel-ust-r29");
for (const f of ["data_explorer.csv", "total_allocations.csv", "weapons.csv", "release_info.csv"]) {
  if (!fs.existsSync(path.join(RELEASE, f))) {
    throw new Error(`Kiel reference release missing: ${path.join(RELEASE, f)} (expected ../shared/data/kiel-ust-r29 beside the checkout)`);
  }
}
const DATA_EXPLORER = fs.readFileSync(path.join(RELEASE, "data_explorer.csv"), "utf8");
const KIEL = "kiel-ust";
const SOURCE = "src-kiel-ust-r29";

type CsvRow = Record<string, string>;
const rowsOf = (text: string): CsvRow[] => parse(text, { columns: true, bom: true, skip_empty_lines: true });
const monthOf = (r: CsvRow) => `${r.year}-${String(r.month).padStart(2, "0")}`;

/** What the dataset must hold for a data_explorer.csv, computed here independently of the importer: key → EUR. */
function expectedRecords(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rowsOf(text)) {
    for (const c of ["military", "financial", "humanitarian"]) {
      if (Number(r[c]) !== 0) out.set(`${r.iso}-${monthOf(r)}-${c}-allocation`, Number(r[c]) * 1e9);
    }
    if (r.commitments !== undefined && Number(r.commitments) > 0) {
      out.set(`${r.iso}-${monthOf(r)}-unspecified-commitment`, Number(r.commitments) * 1e9);
    }
  }
  return out;
}

async function kielRecords(db: Db) {
  return db.aidRecord.findMany({ where: { datasetId: KIEL }, include: { sources: true }, orderBy: { id: "asc" } });
}

async function expectDatasetToHold(db: Db, text: string) {
  const expected = expectedRecords(text);
  const rows = await kielRecords(db);
  expect(rows.map((r) => r.externalKey).sort()).toEqual([...expected.keys()].sort());
  for (const r of rows) expect(Math.abs(r.amount - expected.get(r.externalKey)!)).toBeLessThan(0.01);
}

/** Every table the import may touch, rows ordered, all columns (incl. updatedAt). */
async function snapshot(db: Db) {
  return {
    aidRecord: await db.aidRecord.findMany({ orderBy: { id: "asc" } }),
    aidRecordSource: await db.aidRecordSource.findMany({ orderBy: [{ aidRecordId: "asc" }, { sourceId: "asc" }] }),
    dataset: await db.dataset.findMany({ orderBy: { id: "asc" } }),
    source: await db.source.findMany({ orderBy: { id: "asc" } }),
    donor: await db.donor.findMany({ orderBy: { code: "asc" } }),
    donorGdp: await db.donorGdp.findMany({ orderBy: [{ datasetId: "asc" }, { donorCode: "asc" }] }),
    weapons: await db.weaponsDelivery.findMany({ orderBy: { id: "asc" } }),
    importRun: await db.importRun.findMany({ orderBy: { id: "asc" } }),
  };
}

/** Edits data_explorer.csv line by line (line numbers as in the file, header = 1). */
function editLines(text: string, edit: (lines: string[]) => string[]): string {
  const lines = text.replace(/\n$/, "").split("\n");
  return `${edit(lines).join("\n")}\n`;
}
function lineIndex(lines: string[], prefix: string): number {
  const i = lines.findIndex((l) => l.includes(prefix));
  if (i < 0) throw new Error(`no line with ${prefix}`);
  return i;
}
/** Sets columns of a data line (column names of the R29 header). */
function setCells(line: string, values: Record<string, string | number>): string {
  const header = DATA_EXPLORER.split("\n")[0]
    .split(",")
    .map((h) => h.replace(/"/g, ""));
  const cells = line.split(",");
  for (const [k, v] of Object.entries(values)) cells[header.indexOf(k)] = String(v);
  return cells.join(",");
}
function cell(line: string, column: string): number {
  const header = DATA_EXPLORER.split("\n")[0]
    .split(",")
    .map((h) => h.replace(/"/g, ""));
  return Number(line.split(",")[header.indexOf(column)]);
}

/** A copy of the release folder with a changed data_explorer.csv (and optionally weapons.csv). */
function copyRelease(dataExplorer: string, weapons?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-kiel-copy-"));
  for (const f of fs.readdirSync(RELEASE)) fs.copyFileSync(path.join(RELEASE, f), path.join(dir, f));
  fs.chmodSync(dir, 0o755);
  for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o644);
  fs.writeFileSync(path.join(dir, "data_explorer.csv"), dataExplorer);
  if (weapons !== undefined) fs.writeFileSync(path.join(dir, "weapons.csv"), weapons);
  return dir;
}

/** R29 with USA 2024-03 military +0.5 bn, Germany 2022-05 dropped, France 2023-01 commitments removed, one weapons count changed. */
const MODIFIED = editLines(DATA_EXPLORER, (lines) => {
  const usa = lineIndex(lines, `"USA",2024,3,`);
  lines[usa] = setCells(lines[usa], { military: cell(lines[usa], "military") + 0.5, total: cell(lines[usa], "total") + 0.5 });
  const fra = lineIndex(lines, `"FRA",2023,1,`);
  lines[fra] = setCells(lines[fra], { commitments: 0 });
  return lines.filter((_, i) => i !== lineIndex(lines, `"DEU",2022,5,`));
});
const MODIFIED_WEAPONS = fs.readFileSync(path.join(RELEASE, "weapons.csv"), "utf8").replace(`"Australia","Tanks",49,`, `"Australia","Tanks",50,`);

const tempDirs: string[] = [];
afterAll(() => {
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
});

describe("Kiel import of Release 29 into a seeded database", () => {
  let t: TestDatabase;
  let first: ImportKielResult;
  let curatedBefore: unknown;

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    curatedBefore = await t.db.aidRecord.findMany({ where: { datasetId: { not: KIEL } }, include: { sources: true }, orderBy: { id: "asc" } });
    first = await importKielRelease(t.db, readReleaseFolder(RELEASE));
  });
  afterAll(async () => t?.cleanup());

  it("imports every non-zero allocation and commitment of data_explorer.csv", async () => {
    expect(first.outcome).toBe("imported");
    expect(first.summary).toMatchObject({ rowsRead: 1079, donors: 42, months: 52, firstMonth: "2022-01", lastMonth: "2026-04" });
    const expected = expectedRecords(DATA_EXPLORER);
    expect(first.summary.recordCount).toBe(expected.size);
    expect(await t.db.aidRecord.count({ where: { datasetId: KIEL } })).toBe(expected.size);
    await expectDatasetToHold(t.db, DATA_EXPLORER);
  });

  it("matches the CSV per donor and month, per category and for commitments", async () => {
    const rows = await kielRecords(t.db);
    const byKey = new Map<string, { alloc: Record<string, number>; commitment: number }>();
    for (const r of rows) {
      const k = `${r.donorCode}|${r.date.toISOString().slice(0, 7)}`;
      const e = byKey.get(k) ?? { alloc: {}, commitment: 0 };
      if (r.measure === "allocation") e.alloc[r.category] = (e.alloc[r.category] ?? 0) + r.amount;
      else e.commitment += r.amount;
      byKey.set(k, e);
      expect(r).toMatchObject({ granularity: "month", currency: "EUR" });
      expect(r.date.getUTCDate()).toBe(1);
      expect(r.measure === "commitment" ? r.category === "unspecified" : r.category !== "unspecified").toBe(true);
    }
    for (const r of rowsOf(DATA_EXPLORER)) {
      const got = byKey.get(`${r.iso}|${monthOf(r)}`) ?? { alloc: {}, commitment: 0 };
      const sum = Object.values(got.alloc).reduce((a, b) => a + b, 0);
      expect(Math.abs(sum / 1e9 - Number(r.total))).toBeLessThan(1e-6);
      for (const c of ["military", "financial", "humanitarian"]) {
        expect(Math.abs((got.alloc[c] ?? 0) / 1e9 - Number(r[c]))).toBeLessThan(1e-9);
      }
      expect(Math.abs(got.commitment / 1e9 - Number(r.commitments))).toBeLessThan(1e-9);
    }
  });

  it("sums across donors to total_allocations.csv for every month (1e-6 bn)", async () => {
    const rows = await t.db.aidRecord.findMany({ where: { datasetId: KIEL, measure: "allocation" } });
    const byMonth = new Map<string, Record<string, number>>();
    for (const r of rows) {
      const m = byMonth.get(r.date.toISOString().slice(0, 7)) ?? { military: 0, financial: 0, humanitarian: 0, total: 0 };
      m[r.category] += r.amount / 1e9;
      m.total += r.amount / 1e9;
      byMonth.set(r.date.toISOString().slice(0, 7), m);
    }
    const totals = rowsOf(fs.readFileSync(path.join(RELEASE, "total_allocations.csv"), "utf8"));
    expect(totals).toHaveLength(52);
    for (const tr of totals) {
      const got = byMonth.get(monthOf(tr)) ?? { military: 0, financial: 0, humanitarian: 0, total: 0 };
      expect(Math.abs(got.total - Number(tr.total_allocations)), monthOf(tr)).toBeLessThan(1e-6);
      for (const c of ["military", "financial", "humanitarian"]) {
        expect(Math.abs(got[c] - Number(tr[c])), `${monthOf(tr)} ${c}`).toBeLessThan(1e-6);
      }
    }
  });

  it("makes the release the kiel-ust tracker dataset, citing its source", async () => {
    const ds = await t.db.dataset.findUniqueOrThrow({ where: { id: KIEL }, include: { source: true } });
    expect(ds).toMatchObject({
      name: "Ukraine Support Tracker, Release 29 (04/2026)",
      kind: "tracker",
      asOf: new Date("2026-04-30T00:00:00Z"),
      sourceId: SOURCE,
    });
    expect(ds.source).toMatchObject({
      publisher: "Kiel Institute for the World Economy",
      title: "Ukraine Support Tracker, Release 29 (04/2026)",
      releaseLabel: "Ukraine Support Tracker, Release 29 (04/2026)",
      url: "https://www.ifw-kiel.de/topics/war-against-ukraine/ukraine-support-tracker/",
      publishedAt: new Date("2026-08-04T00:00:00Z"),
    });
    expect(ds.source?.retrievedAt).toBeInstanceOf(Date);
    const rows = await kielRecords(t.db);
    expect(rows.every((r) => r.sources.length === 1 && r.sources[0].sourceId === SOURCE)).toBe(true);
    const run = await t.db.importRun.findMany();
    expect(run).toHaveLength(1);
    expect(run[0]).toMatchObject({ outcome: "imported", rowsRead: 1079, recordCount: rows.length, sourceId: SOURCE, release: ds.name });
    expect(run[0].fileHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(run[0].summary).summary.totals.allocation.total).toBeCloseTo(358.399501, 6);
  });

  it("stores GDP per donor (latest month, EUR) and the weapons table", async () => {
    const gdp = await t.db.donorGdp.findMany({ where: { datasetId: KIEL } });
    const latest = new Map<string, number>();
    for (const r of rowsOf(DATA_EXPLORER)) if (Number(r.gdp) > 0) latest.set(r.iso, Number(r.gdp)); // rows are in month order per donor
    expect(gdp).toHaveLength(latest.size);
    for (const g of gdp) expect(Math.abs(g.gdpEur / 1e9 - latest.get(g.donorCode)!)).toBeLessThan(1e-9);
    const weapons = await t.db.weaponsDelivery.findMany({ where: { datasetId: KIEL } });
    expect(weapons).toHaveLength(61);
    expect(weapons.find((w) => w.donorCode === "AUS" && w.category === "Tanks")).toMatchObject({
      count: 49,
      valueEur: 463047927,
      weaponsList: "M1A1 Abrams (49)",
      sourceId: SOURCE,
    });
  });

  it("leaves curated records untouched", async () => {
    const after = await t.db.aidRecord.findMany({ where: { datasetId: { not: KIEL } }, include: { sources: true }, orderBy: { id: "asc" } });
    expect(after).toEqual(curatedBefore);
    expect(after.length).toBeGreaterThan(0);
  });

  it("changes nothing when the same files are imported again", async () => {
    const before = await snapshot(t.db);
    const again = await importKielRelease(t.db, readReleaseFolder(RELEASE));
    expect(again.outcome).toBe("unchanged");
    expect(again.change.records).toEqual({ added: 0, removed: 0, changed: 0, unchanged: first.summary.recordCount });
    const after = await snapshot(t.db);
    const { importRun: runsAfter, ...restAfter } = after;
    const { importRun: runsBefore, ...restBefore } = before;
    expect(restAfter).toEqual(restBefore);
    // Only the audit trail grows: one "unchanged" run.
    expect(runsAfter.filter((r) => !runsBefore.some((b) => b.id === r.id))).toEqual([
      expect.objectContaining({ outcome: "unchanged", fileHash: first.fileHash }),
    ]);
  });

  it("writes nothing on a dry run, and previews the change", async () => {
    const before = await snapshot(t.db);
    const dir = copyRelease(MODIFIED);
    tempDirs.push(dir);
    const preview = await importKielRelease(t.db, readReleaseFolder(dir), { dryRun: true });
    expect(preview).toMatchObject({ outcome: "dry-run", dryRun: true, unchanged: false, importRunId: null });
    expect(preview.change.records).toMatchObject({ changed: 1 });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it.each<[string, (lines: string[]) => string[], number | "last", string]>([
    [
      "a dropped required column",
      (l) =>
        l.map((x) =>
          x
            .split(",")
            .filter((_, i) => i !== 7)
            .join(","),
        ),
      1,
      "military",
    ],
    ["a text amount", (l) => ((l[9] = setCells(l[9], { financial: "abc" })), l), 10, "financial"],
    ["month 13", (l) => ((l[19] = setCells(l[19], { month: 13 })), l), 20, "month"],
    ["a duplicated donor-month", (l) => [...l, l[4]], "last", "iso"],
    ["a total that is not the sum of its parts", (l) => ((l[29] = setCells(l[29], { total: cell(l[29], "total") + 0.01 })), l), 30, "total"],
    ["a negative amount", (l) => ((l[39] = setCells(l[39], { humanitarian: -0.5 })), l), 40, "humanitarian"],
  ])("rejects %s, naming line and column, and writes nothing", async (_name, edit, line, column) => {
    const text = editLines(DATA_EXPLORER, edit);
    const expectedLine = line === "last" ? text.trimEnd().split("\n").length : line;
    const dir = copyRelease(text);
    tempDirs.push(dir);
    const before = await snapshot(t.db);
    const err = await importKielRelease(t.db, readReleaseFolder(dir)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(KielValidationError);
    const v = err as KielValidationError;
    expect(v.status).toBe(400);
    expect(v.kielIssues).toContainEqual(expect.objectContaining({ file: "data_explorer.csv", line: expectedLine, column }));
    expect(v.issues).toContainEqual(expect.objectContaining({ path: [expectedLine, column] }));
    expect(v.message).toContain(`line ${expectedLine}`);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("rejects an unknown weapons donor with its line, and writes nothing", async () => {
    const weapons = fs.readFileSync(path.join(RELEASE, "weapons.csv"), "utf8").replace(`"Belgium","Tanks"`, `"Narnia","Tanks"`);
    const before = await snapshot(t.db);
    const files: KielReleaseFiles = { ...readReleaseFolder(RELEASE), weapons: { name: "weapons.csv", text: weapons } };
    await expect(importKielRelease(t.db, files)).rejects.toMatchObject({
      kielIssues: [expect.objectContaining({ file: "weapons.csv", line: 4, column: "donor" })],
    });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("keeps the previous release intact when the import fails midway", async () => {
    const before = await snapshot(t.db);
    const files = { ...readReleaseFolder(RELEASE), dataExplorer: { name: "data_explorer.csv", text: MODIFIED } };
    let written = 0;
    await expect(
      importKielRelease(t.db, files, {
        onProgress: (p) => {
          if (p.phase !== "write") return;
          written = p.done ?? 0;
          throw new Error("simulated crash after the first chunk of records");
        },
      }),
    ).rejects.toThrow(/simulated crash/);
    expect(written).toBeGreaterThan(0);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("replaces the release with exactly a modified copy's figures", async () => {
    const dir = copyRelease(MODIFIED, MODIFIED_WEAPONS);
    tempDirs.push(dir);
    const curated = await t.db.aidRecord.findMany({ where: { datasetId: { not: KIEL } }, orderBy: { id: "asc" } });
    const r = await importKielRelease(t.db, readReleaseFolder(dir));
    expect(r.outcome).toBe("imported");
    await expectDatasetToHold(t.db, MODIFIED);
    expect(await t.db.aidRecord.count({ where: { datasetId: KIEL, donorCode: "DEU", date: new Date("2022-05-01T00:00:00Z") } })).toBe(0);
    const usa = await t.db.aidRecord.findUniqueOrThrow({ where: { id: "kiel-ust--USA-2024-03-military-allocation" } });
    expect(usa.amount).toBeCloseTo(775_933_000, 2);
    expect(await t.db.aidRecord.findUnique({ where: { id: "kiel-ust--FRA-2023-01-unspecified-commitment" } })).toBeNull();
    // Germany 2022-05: financial 1.257, humanitarian 0.31, commitments 1.567 gone; France's commitment 0.054413 gone.
    expect(r.change.records).toMatchObject({ added: 0, removed: 4, changed: 1 });
    expect(r.change.donorMonths).toMatchObject({ added: 0, removed: 1 });
    const delta = Object.fromEntries(r.change.totals.map((x) => [`${x.measure}.${x.category}`, x.delta]));
    expect(delta["allocation.military"]).toBeCloseTo(0.5, 6);
    expect(delta["allocation.financial"]).toBeCloseTo(-1.257, 6);
    expect(delta["allocation.humanitarian"]).toBeCloseTo(-0.31, 6);
    expect(delta["allocation.total"]).toBeCloseTo(0.5 - 1.567, 6);
    expect(delta["commitment.unspecified"]).toBeCloseTo(-1.567 - 0.054413, 6);
    expect((await t.db.weaponsDelivery.findFirstOrThrow({ where: { datasetId: KIEL, donorCode: "AUS", category: "Tanks" } })).count).toBe(50);
    expect(await t.db.aidRecord.findMany({ where: { datasetId: { not: KIEL } }, orderBy: { id: "asc" } })).toEqual(curated);
    const runs = await t.db.importRun.findMany({ where: { outcome: "imported" } });
    expect(runs).toHaveLength(2);
  });
});

describe("Kiel import: older format, single files and startup", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
  });
  afterAll(async () => t?.cleanup());

  it("accepts an older data_explorer.csv without commitments and to_be_allocated", async () => {
    const header = DATA_EXPLORER.split("\n")[0].split(",");
    const drop = new Set([header.indexOf(`"commitments"`), header.indexOf(`"to_be_allocated"`)]);
    const old = editLines(DATA_EXPLORER, (l) =>
      l.map((x) =>
        x
          .split(",")
          .filter((_, i) => !drop.has(i))
          .join(","),
      ),
    );
    const r = await importKielRelease(
      t.db,
      { dataExplorer: { name: "data_explorer.csv", text: old } },
      { release: "Ukraine Support Tracker, Release 28 (older format)", published: "2026-05-01" },
    );
    expect(r.outcome).toBe("imported");
    expect(r.summary.hasCommitments).toBe(false);
    expect(r.summary.commitmentRecords).toBe(0);
    expect(r.warnings.join(" ")).toMatch(/commitments/);
    expect(r.release).toMatchObject({ sourceId: "src-kiel-ust-r28", publishedAt: "2026-05-01", asOf: "2026-04-30" });
    await expectDatasetToHold(t.db, old);
    expect(await t.db.aidRecord.count({ where: { datasetId: KIEL, measure: "commitment" } })).toBe(0);
  });

  it("derives a label for a lone file without flags, and says so", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-kiel-file-"));
    tempDirs.push(dir);
    const file = path.join(dir, "explorer-2026.csv");
    fs.writeFileSync(file, DATA_EXPLORER);
    const r = await importKielRelease(t.db, readReleaseFolder(file), { dryRun: true });
    expect(r.release.label).toBe("Kiel UST (file explorer-2026.csv, data through 04/2026)");
    expect(r.release.labelDerived).toBe(true);
    expect(r.warnings.join(" ")).toMatch(/no release label/);
  });

  it("importKielReleaseIfMissing imports only when the tracker dataset is empty", async () => {
    const fresh = await createTestDatabase({ seed: true });
    try {
      const missing = await importKielReleaseIfMissing(fresh.db, path.join(os.tmpdir(), "no-such-kiel-release"));
      expect(missing).toMatchObject({ imported: false, reason: expect.stringContaining("no Kiel release") });
      const r1 = await importKielReleaseIfMissing(fresh.db, RELEASE);
      expect(r1.imported).toBe(true);
      if (r1.imported) expect(r1.result.outcome).toBe("imported");
      const r2 = await importKielReleaseIfMissing(fresh.db, RELEASE);
      expect(r2).toMatchObject({ imported: false, reason: expect.stringContaining("already holds") });
      expect(await fresh.db.importRun.count()).toBe(1);
    } finally {
      await fresh.cleanup();
    }
  });
});
