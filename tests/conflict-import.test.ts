/**
 * Importing ACLED and UCDP GED exports into a real database (SQLite, and
 * PostgreSQL with TEST_BACKEND=postgresql): the daily tables against sums
 * computed here from the parsed fixture, revisions, all-or-nothing, idempotence,
 * and the read and upload routes.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as daily from "@/app/api/conflict/daily/route";
import * as explain from "@/app/api/conflict/explain/route";
import * as regions from "@/app/api/conflict/regions/route";
import * as upload from "@/app/api/imports/events/route";
import { readDataVersion } from "@/lib/data-version";
import { FORMAT_SPECS } from "@/lib/conflict/formats";
import { ConflictImportValidationError, importConflictCsv } from "@/lib/conflict/import-conflict-csv";
import { scanConflictCsv } from "@/lib/conflict/read-conflict-csv";
import type { ConflictEventInput } from "@/lib/conflict/event";
import { ProblemList } from "@/lib/import/aid/problems";
import { call } from "./helpers/call-route";
import { useTestApi } from "./helpers/use-test-api";

const api = useTestApi({ seed: false });
const fixture = (name: string) => path.join(process.cwd(), "tests", "fixtures", "conflict", name);
const run = (name: string, format: "acled" | "ucdp", dryRun = false) => importConflictCsv(api.t.db, api.t.url, { file: fixture(name), format, dryRun });

async function parsed(name: string, format: "acled" | "ucdp"): Promise<ConflictEventInput[]> {
  const out: ConflictEventInput[] = [];
  await scanConflictCsv(fixture(name), FORMAT_SPECS[format], { problems: new ProblemList(), onRow: (_l, r) => void (r.ok && out.push(r.event)) });
  return out;
}

/** The daily cells as the test computes them from the events: key → [events, fatalities, precise, strikes, battles, cross-border]. */
function expectedCells(events: ConflictEventInput[]): Record<string, number[]> {
  const cells: Record<string, number[]> = {};
  for (const e of events) {
    const k = [e.day, e.country, e.admin1, e.eventType, e.subEventType].join("|");
    const c = (cells[k] ??= [0, 0, 0, 0, 0, 0]);
    c[0] += 1;
    c[1] += e.fatalities;
    c[2] += e.precise ? 1 : 0;
    c[3] += e.isStrike ? 1 : 0;
    c[4] += e.isBattle ? 1 : 0;
    c[5] += e.isCrossBorder ? 1 : 0;
  }
  return cells;
}

async function storedCells(datasetId: string): Promise<Record<string, number[]>> {
  const rows = await api.t.db.conflictDaily.findMany({ where: { datasetId } });
  return Object.fromEntries(
    rows.map((r) => [
      [r.day, r.country, r.admin1, r.eventType, r.subEventType].join("|"),
      [r.events, r.fatalities, r.preciseEvents, r.strikeEvents, r.battleEvents, r.crossBorderEvents],
    ]),
  );
}

async function counts() {
  const db = api.t.db;
  return {
    events: await db.conflictEvent.count(),
    daily: await db.conflictDaily.count(),
    totals: await db.conflictDayTotal.count(),
    datasets: await db.conflictDataset.count(),
    version: await readDataVersion(db),
  };
}

describe("conflict-event import", () => {
  it("answers with an empty state before anything is imported", async () => {
    const r = await call(daily.GET as never, "/api/conflict/daily");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dataset: null, available: [], days: { date: [], events: [] } });
    expect(r.body.caveat).toMatch(/reported estimates/);
  });

  it("a dry run reports the change and writes nothing", async () => {
    const before = await counts();
    const r = await run("acled-basic.csv", "acled", true);
    expect(r).toMatchObject({ outcome: "dry-run", rowsRead: 6, change: { added: 6, revised: 0, removed: 0 }, eventCount: 6 });
    expect(r.coverage).toEqual({ from: "2025-05-01", to: "2025-05-03", countries: ["Russia", "Ukraine"] });
    expect(await counts()).toEqual(before);
  });

  it("imports an ACLED export; the daily sums equal the sums of its events", async () => {
    const r = await run("acled-basic.csv", "acled");
    expect(r).toMatchObject({
      outcome: "imported",
      change: { added: 6, revised: 0, removed: 0 },
      eventCount: 6,
      totals: { events: 6, fatalities: 17, impreciseDates: 2 },
    });
    expect(await storedCells("acled")).toEqual(expectedCells(await parsed("acled-basic.csv", "acled")));
    const ds = await api.t.db.conflictDataset.findUniqueOrThrow({ where: { id: "acled" } });
    expect(ds).toMatchObject({ format: "acled", fileName: "acled-basic.csv", eventCount: 6 });
    expect(ds.citation).toMatch(/ACLED/);
    expect(ds.licence).toMatch(/redistributed/);
    // The coarse table holds the same sums per (day, country, event type).
    const fine = await api.t.db.conflictDaily.groupBy({
      by: ["day", "country", "eventType"],
      where: { datasetId: "acled" },
      _sum: { events: true, fatalities: true },
    });
    const coarse = await api.t.db.conflictDayTotal.findMany({ where: { datasetId: "acled" } });
    expect(coarse.map((c) => [c.day, c.country, c.eventType, c.events, c.fatalities]).sort()).toEqual(
      fine.map((f) => [f.day, f.country, f.eventType, f._sum.events, f._sum.fatalities]).sort(),
    );
  });

  it("the same export again changes nothing, not even the data version", async () => {
    const before = await counts();
    const r = await run("acled-basic.csv", "acled");
    expect(r.outcome).toBe("unchanged");
    expect(await counts()).toEqual(before);
  });

  it("refuses a file with a repeated event id, naming the line; nothing is written", async () => {
    const before = await counts();
    const e = await run("acled-duplicate.csv", "acled").catch((x) => x);
    expect(e).toBeInstanceOf(ConflictImportValidationError);
    expect(e.problems).toEqual([{ line: 3, column: "event_id_cnty", message: 'event id "SYN3001" appears more than once in the file' }]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a file with bad cells, listing each by line and column; nothing is written", async () => {
    const before = await counts();
    const e = await run("acled-invalid.csv", "acled").catch((x) => x);
    expect(e).toBeInstanceOf(ConflictImportValidationError);
    expect(e.problems.map((p: { line: number; column: string }) => [p.line, p.column])).toEqual([
      [2, "event_date"],
      [3, "sub_event_type"],
      [4, "fatalities"],
    ]);
    expect(await counts()).toEqual(before);
  });

  it("a newer export replaces the events it covers (its dates × its countries) and the ids it holds", async () => {
    const r = await run("acled-revised.csv", "acled");
    // Covers 2025-05-02 – 2025-05-03 in Ukraine: SYN1005 and SYN1006 are gone, SYN1002 moved from 05-01 and was revised, SYN1007 is new;
    // SYN1001 (05-01) and the events in Russia are outside the coverage and stay.
    expect(r).toMatchObject({ outcome: "imported", change: { added: 1, revised: 1, removed: 2 }, eventCount: 5 });
    const ids = (await api.t.db.conflictEvent.findMany({ where: { datasetId: "acled" }, orderBy: { sourceEventId: "asc" } })).map((e) => e.sourceEventId);
    expect(ids).toEqual(["SYN1001", "SYN1002", "SYN1003", "SYN1004", "SYN1007"]);
    const basic = await parsed("acled-basic.csv", "acled");
    const revised = await parsed("acled-revised.csv", "acled");
    const expected = [...basic.filter((e) => ["SYN1001", "SYN1003", "SYN1004"].includes(e.sourceEventId)), ...revised];
    expect(await storedCells("acled")).toEqual(expectedCells(expected));
  });

  it("a UCDP GED import fills its own dataset and leaves ACLED's alone", async () => {
    const acledBefore = await storedCells("acled");
    const r = await run("ucdp-basic.csv", "ucdp");
    expect(r).toMatchObject({ outcome: "imported", totals: { events: 3, fatalities: 16, impreciseDates: 1, multiDay: 1 } });
    expect(r.coverage).toMatchObject({ from: "2025-05-01", to: "2025-05-03" });
    expect(await storedCells("ucdp")).toEqual(expectedCells(await parsed("ucdp-basic.csv", "ucdp")));
    expect(await storedCells("acled")).toEqual(acledBefore);
  });
});

describe("conflict routes", () => {
  it("GET /api/conflict/daily sums one dataset per day, with filters, citation and imprecise counts", async () => {
    const r = await call(daily.GET as never, "/api/conflict/daily?dataset=acled");
    expect(r.status).toBe(200);
    expect(r.body.dataset).toMatchObject({ id: "acled", fileName: "acled-revised.csv" });
    expect(r.body.dataset.citation).toMatch(/ACLED/);
    expect(r.body.available.map((d: { id: string }) => d.id).sort()).toEqual(["acled", "ucdp"]);
    // SYN1001 (05-01, 3), SYN1002 (05-02, 9), SYN1003 (05-02, 2, imprecise), SYN1004 (05-02, 7), SYN1007 (05-03, 4).
    expect(r.body.days).toMatchObject({ date: ["2025-05-01", "2025-05-02", "2025-05-03"], events: [1, 3, 1], fatalities: [3, 18, 4] });
    expect(r.body.dataset).toMatchObject({ firstDay: "2025-05-01", lastDay: "2025-05-03" });
    expect(r.body.totals).toMatchObject({
      events: 5,
      fatalities: 25,
      impreciseEvents: 1,
      strikeEvents: 3,
      battleEvents: 2,
      crossBorderEvents: 2,
      crossBorderFatalities: 9,
    });
    expect(r.body.params).toMatchObject({ from: "2025-05-01", to: "2025-05-03" });

    const kursk = await call(daily.GET as never, "/api/conflict/daily?dataset=acled&admin1=Kursk");
    expect(kursk.body.totals).toMatchObject({ events: 1, fatalities: 7, battleEvents: 1 });
    const strikes = await call(daily.GET as never, "/api/conflict/daily?dataset=acled&type=Explosions/Remote%20violence&country=Ukraine&from=2025-05-02");
    expect(strikes.body.totals).toMatchObject({ events: 1, fatalities: 4 });
    const bad = await call(daily.GET as never, "/api/conflict/daily?dataset=gdelt");
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toEqual(["dataset"]);
  });

  it("GET /api/conflict/regions and /explain", async () => {
    const reg = await call(regions.GET as never, "/api/conflict/regions?dataset=acled&from=2025-05-02");
    // Most events first, then most fatalities.
    expect(reg.body.regions.map((x: { admin1: string; events: number; fatalities: number }) => [x.admin1, x.events, x.fatalities])).toEqual([
      ["Donetsk", 1, 9],
      ["Kursk", 1, 7],
      ["Odesa", 1, 4],
      ["Belgorod", 1, 2],
    ]);
    const ex = await call(explain.GET as never, "/api/conflict/explain?dataset=acled&date=2025-05-02");
    expect(ex.body.events.map((e: { id: string; fatalities: number }) => [e.id, e.fatalities])).toEqual([
      ["SYN1002", 9],
      ["SYN1004", 7],
      ["SYN1003", 2],
    ]);
    expect(ex.body.events[0].notes).toMatch(/SYNTHETIC/);
    expect(ex.body.day).toMatchObject({ events: 3, fatalities: 18 });
  });

  it("POST /api/imports/events needs the write token and previews a text/csv upload without writing", async () => {
    const csv = fs.readFileSync(fixture("acled-old-format.csv"), "utf8");
    const send = (token?: string, query = "format=acled&dryRun=true") =>
      upload.POST(
        new Request(`http://localhost/api/imports/events?${query}`, {
          method: "POST",
          headers: { "content-type": "text/csv", ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: csv,
        }),
        {} as never,
      );
    const before = await counts();
    expect((await send()).status).toBe(401);
    const bad = await send(api.token, "format=gdelt");
    expect(bad.status).toBe(400);
    const ok = await send(api.token);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ outcome: "dry-run", rowsRead: 2, change: { added: 2 } });
    expect(await counts()).toEqual(before);
  });
});
