/**
 * The acceptance test of the Kiel import: after importing the real Release 29
 * into a fresh database, the product's own API must reproduce the tracker's
 * published totals.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";
import { call } from "./helpers/call-route";
import * as timeseries from "@/app/api/aid/timeseries/route";
import * as summary from "@/app/api/aid/summary/route";
import * as weapons from "@/app/api/weapons/route";
import * as meta from "@/app/api/meta/route";
import { importKielRelease, KielValidationError } from "@/lib/import/kiel/import-kiel-release";
import { readReleaseFolder } from "@/lib/import/kiel/read-release-folder";

const RELEASE = path.resolve(process.cwd(), "../shared/data/kiel-ust-r29");
if (!fs.existsSync(path.join(RELEASE, "total_allocations.csv"))) {
  throw new Error(`The Kiel reference release is missing at ${RELEASE}: it must sit beside the checkout`);
}
type Row = Record<string, string>;
const csv = (file: string): Row[] => parse(fs.readFileSync(path.join(RELEASE, file), "utf8"), { columns: true, bom: true });
const BN = 1e9;
const TOL = 1e-6 * BN; // 1e-6 bn EUR

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
  const r = await importKielRelease(t.db, readReleaseFolder(RELEASE));
  expect(r.outcome).toBe("imported");
});
afterAll(async () => t.cleanup());

async function tableCounts() {
  return {
    aid: await t.db.aidRecord.count(),
    links: await t.db.aidRecordSource.count(),
    gdp: await t.db.donorGdp.count(),
    weapons: await t.db.weaponsDelivery.count(),
    sum: (await t.db.aidRecord.aggregate({ _sum: { amount: true } }))._sum.amount,
    maxUpdated: (await t.db.aidRecord.aggregate({ _max: { updatedAt: true } }))._max.updatedAt?.toISOString(),
  };
}

describe("Kiel R29 through the API", () => {
  it("the default dataset is the imported release, and it says so", async () => {
    const r = await call(summary.GET, "/api/aid/summary");
    expect(r.body.dataset).toMatchObject({ id: "kiel-ust", kind: "tracker", asOf: "2026-04-30" });
    expect(r.body.dataset.name).toContain("Release 29");
    expect(r.body.sources[0]).toMatchObject({ publisher: "Kiel Institute for the World Economy" });
  });

  it("the meta's freshness names the release, its data period and publication date", async () => {
    const r = await call(meta.GET, "/api/meta");
    expect(r.body.freshness).toEqual({
      tracker: {
        datasetId: "kiel-ust",
        name: "Ukraine Support Tracker, Release 29 (04/2026)",
        releaseNumber: "29",
        dataTo: "2026-04-30",
        publishedAt: "2026-08-04",
      },
      eventsTo: r.body.coverage.events.to,
      deploymentsTo: r.body.coverage.deployments.to,
    });
    expect(r.body.freshness.eventsTo).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("monthly allocations equal total_allocations.csv, total and per category, for every month", async () => {
    const expected = csv("total_allocations.csv");
    const r = await call(timeseries.GET, "/api/aid/timeseries?granularity=month");
    expect(r.status).toBe(200);
    const byPeriod = new Map(r.body.points.map((p: { period: string }) => [p.period, p]));
    expect(r.body.points).toHaveLength(expected.length);
    for (const row of expected) {
      const period = `${row.year}-${row.month.padStart(2, "0")}`;
      const p = byPeriod.get(period) as { total: number; byCategory: Record<string, number> };
      expect(p, period).toBeDefined();
      expect(Math.abs(p.total - Number(row.total_allocations) * BN), `${period} total`).toBeLessThan(TOL);
      for (const c of ["military", "financial", "humanitarian"]) {
        expect(Math.abs(p.byCategory[c] - Number(row[c]) * BN), `${period} ${c}`).toBeLessThan(TOL);
      }
    }
  });

  it("per-donor totals from the summary equal the sums of the file's rows", async () => {
    const sums = new Map<string, { total: number; military: number }>();
    for (const row of csv("data_explorer.csv")) {
      const s = sums.get(row.iso) ?? { total: 0, military: 0 };
      s.total += Number(row.total);
      s.military += Number(row.military);
      sums.set(row.iso, s);
    }
    const r = await call(summary.GET, "/api/aid/summary");
    const zeroDonors = [...sums].filter(([, s]) => s.total === 0).map(([iso]) => iso);
    expect(r.body.byDonor).toHaveLength(sums.size - zeroDonors.length);
    for (const d of r.body.byDonor) {
      const s = sums.get(d.donorCode)!;
      expect(Math.abs(d.total - s.total * BN), d.donorCode).toBeLessThan(TOL);
      expect(Math.abs(d.byCategory.military - s.military * BN), d.donorCode).toBeLessThan(TOL);
    }
    const grand = [...sums.values()].reduce((a, s) => a + s.total, 0);
    expect(Math.abs(r.body.total - grand * BN)).toBeLessThan(TOL);
  });

  it("commitments are a separate measure and never added to allocations", async () => {
    const file = csv("data_explorer.csv").reduce((a, r) => a + Number(r.commitments), 0);
    const c = await call(summary.GET, "/api/aid/summary?measure=commitment");
    expect(Math.abs(c.body.total - file * BN)).toBeLessThan(TOL);
    expect(c.body.byCategory).toMatchObject({ military: 0, financial: 0, humanitarian: 0 });
  });

  it("heavy weapons come through with counts and EUR values", async () => {
    const file = csv("weapons.csv");
    const r = await call(weapons.GET, "/api/weapons");
    expect(r.body.items).toHaveLength(file.length);
    const value = file.reduce((a, w) => a + Number(w.monetary_value_eur), 0);
    expect(r.body.items.reduce((a: number, i: { valueEur: number }) => a + i.valueEur, 0)).toBeCloseTo(value, 0);
  });

  it("a second import of the same files changes no row", async () => {
    const before = await tableCounts();
    const again = await importKielRelease(t.db, readReleaseFolder(RELEASE));
    expect(again.outcome).toBe("unchanged");
    expect(await tableCounts()).toEqual(before);
  });

  it("a corrupted copy fails naming the line and leaves the database as it was", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-kiel-bad-"));
    const lines = fs.readFileSync(path.join(RELEASE, "data_explorer.csv"), "utf8").split("\n");
    // Line 11 of the file (10th data row): a text amount in `military`.
    const cells = lines[10].split(",");
    cells[7] = '"abc"';
    lines[10] = cells.join(",");
    fs.writeFileSync(path.join(dir, "data_explorer.csv"), lines.join("\n"));
    const before = await tableCounts();
    const err = await importKielRelease(t.db, readReleaseFolder(path.join(dir, "data_explorer.csv"))).catch((e) => e);
    expect(err).toBeInstanceOf(KielValidationError);
    expect(err.message).toMatch(/line 11/);
    expect(err.message).toMatch(/military/);

    // A dropped required column.
    const header = lines[0].split(",");
    const drop = header.indexOf('"humanitarian"');
    const dropped = lines.map((l) =>
      l
        .split(",")
        .filter((_, i) => i !== drop)
        .join(","),
    );
    fs.writeFileSync(path.join(dir, "data_explorer.csv"), dropped.join("\n"));
    const err2 = await importKielRelease(t.db, readReleaseFolder(path.join(dir, "data_explorer.csv"))).catch((e) => e);
    expect(err2).toBeInstanceOf(KielValidationError);
    expect(err2.message).toMatch(/humanitarian/);
    expect(await tableCounts()).toEqual(before);
    fs.rmSync(dir, { recursive: true });
  });
});
