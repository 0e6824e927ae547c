/**
 * The ACLED and UCDP GED parsers on small codebook-shaped files
 * (tests/fixtures/conflict/, synthetic) and on single rows.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEventDate } from "@/lib/conflict/dates";
import { parseAcledRow } from "@/lib/conflict/parse-acled";
import { parseUcdpRow } from "@/lib/conflict/parse-ucdp";
import { classifyEvent } from "@/lib/conflict/classify";
import { FORMAT_SPECS } from "@/lib/conflict/formats";
import { scanConflictCsv } from "@/lib/conflict/read-conflict-csv";
import type { ConflictEventInput, ParsedEvent } from "@/lib/conflict/event";
import { ProblemList } from "@/lib/import/aid/problems";

const fixture = (name: string) => path.join(process.cwd(), "tests", "fixtures", "conflict", name);

async function scan(name: string, format: "acled" | "ucdp") {
  const problems = new ProblemList();
  const rows: { line: number; row: ParsedEvent }[] = [];
  const result = await scanConflictCsv(fixture(name), FORMAT_SPECS[format], { problems, onRow: (line, row) => void rows.push({ line, row }) });
  const events = rows.filter((r) => r.row.ok).map((r) => ({ line: r.line, ...(r.row as { event: ConflictEventInput }).event }));
  return { problems, rows, events, result };
}

describe("parseEventDate", () => {
  it.each([
    ["2025-05-16", "2025-05-16"],
    ["16 May 2025", "2025-05-16"],
    ["6 May 2025", "2025-05-06"],
    ["16-May-2025", "2025-05-16"],
    ["16 September 2024", "2024-09-16"],
    ["2025-05-16 00:00:00.000", "2025-05-16"],
    [" 2024-02-29 ", "2024-02-29"],
  ])("reads %j as %s", (text, iso) => expect(parseEventDate(text)).toBe(iso));

  it.each(["2025-02-30", "2023-02-29", "30 Feb 2025", "16 Mai 2025", "16/05/2025", "2025-5-16", "", "May 2025"])("rejects %j", (text) =>
    expect(parseEventDate(text)).toBeNull(),
  );
});

describe("ACLED export", () => {
  it("reads every column of a current export, quoted notes with commas, quotes and a line break included", async () => {
    const { problems, events, result } = await scan("acled-basic.csv", "acled");
    expect(problems.items).toEqual([]);
    expect(result.rows).toBe(6);
    expect(events.map((e) => e.sourceEventId)).toEqual(["SYN1001", "SYN1002", "SYN1003", "SYN1004", "SYN1005", "SYN1006"]);
    expect(events[0].notes).toBe('SYNTHETIC: shelling, reported by two outlets; "heavy" damage');
    expect(events[1].notes).toBe("SYNTHETIC: clash near a village,\nsecond line of the note");
    // The note spans two lines, so the row after it starts on line 5, not 4.
    expect(events.map((e) => e.line)).toEqual([2, 3, 5, 6, 7, 8]);
    expect(events[0]).toMatchObject({
      day: "2025-05-01",
      precise: true,
      country: "Ukraine",
      admin1: "Kharkiv",
      fatalities: 3,
      latitude: 49.99,
      isStrike: true,
      isBattle: false,
    });
    expect(events[2]).toMatchObject({ datePrecision: 2, precise: false, country: "Russia", isStrike: true, isCrossBorder: true });
    expect(events[3]).toMatchObject({ isBattle: true, isCrossBorder: true });
    expect(events[4]).toMatchObject({ datePrecision: 3, precise: false, geoPrecision: 3, isCrossBorder: false });
    expect(events[5]).toMatchObject({ eventType: "Protests", isStrike: false, isBattle: false });
  });

  it("reads an older export without the optional columns, with dates written 16 May 2025", async () => {
    const { problems, events } = await scan("acled-old-format.csv", "acled");
    expect(problems.items).toEqual([]);
    expect(events.map((e) => [e.sourceEventId, e.day, e.precise])).toEqual([
      ["SYN2001", "2025-05-16", true],
      ["SYN2002", "2025-05-17", false],
    ]);
    expect(events[1]).toMatchObject({ country: "Russia", actor1: "Military Forces of Ukraine (2019-)", isCrossBorder: true, isBattle: true });
  });

  it("names the line and column of each bad cell", async () => {
    const { rows } = await scan("acled-invalid.csv", "acled");
    const issues = rows.flatMap((r) => (r.row.ok ? [] : r.row.issues.map((i) => ({ line: r.line, ...i }))));
    expect(issues).toEqual([
      { line: 2, column: "event_date", message: expect.stringContaining("2025-13-01") },
      { line: 3, column: "sub_event_type", message: '"Air/drone strike" is not a sub-event type of "Battles"' },
      { line: 4, column: "fatalities", message: expect.stringContaining("-2") },
    ]);
  });

  it("refuses a file without a required column, naming it", async () => {
    const problems = new ProblemList();
    const { readable } = await scanConflictCsv(fixture("ucdp-basic.csv"), FORMAT_SPECS.acled, { problems, onRow: () => {} });
    expect(readable).toBe(false);
    expect(problems.items.map((p) => p.column)).toContain("event_id_cnty");
    expect(problems.items[0].line).toBe(1);
  });

  it("rejects event types and sub-event types outside the codebook", () => {
    const base = { event_id_cnty: "X1", event_date: "2025-01-01", time_precision: "1", actor1: "A", country: "Ukraine", admin1: "Kyiv", fatalities: "0" };
    expect(parseAcledRow({ ...base, event_type: "Explosions", sub_event_type: "Air/drone strike" })).toMatchObject({ ok: false });
    expect(parseAcledRow({ ...base, event_type: "Explosions/Remote violence", sub_event_type: "Air/drone strike" })).toMatchObject({ ok: true });
    expect(parseAcledRow({ ...base, time_precision: "4", event_type: "Battles", sub_event_type: "Armed clash" })).toMatchObject({
      ok: false,
      issues: [{ column: "time_precision" }],
    });
  });
});

describe("UCDP GED", () => {
  it("reads GED rows; an event over several days counts once on its first day, as imprecise", async () => {
    const { problems, events } = await scan("ucdp-basic.csv", "ucdp");
    expect(problems.items).toEqual([]);
    expect(events.map((e) => [e.sourceEventId, e.day, e.dayEnd, e.precise, e.fatalities])).toEqual([
      ["900001", "2025-05-01", "2025-05-01", true, 5],
      ["900002", "2025-05-01", "2025-05-03", false, 8],
      ["900003", "2025-05-02", "2025-05-02", true, 3],
    ]);
    expect(events[0]).toMatchObject({
      eventType: "State-based conflict",
      admin1: "Donetsk oblast",
      notes: "SYNTHETIC article, with a comma",
      isStrike: true,
      isCrossBorder: false,
    });
    expect(events[1]).toMatchObject({ country: "Russia (Soviet Union)", isCrossBorder: true, geoPrecision: 2 });
    expect(events[2]).toMatchObject({ eventType: "One-sided violence", actor2: "Civilians", isStrike: false });
  });

  it("rejects an end before the start and codes outside the codebook", () => {
    const row = {
      id: "1",
      type_of_violence: "1",
      side_a: "A",
      side_b: "B",
      country: "Ukraine",
      date_prec: "1",
      date_start: "2025-05-02",
      date_end: "2025-05-01",
      best: "1",
    };
    expect(parseUcdpRow(row)).toMatchObject({ ok: false, issues: [{ column: "date_end" }] });
    expect(parseUcdpRow({ ...row, date_end: "2025-05-02", type_of_violence: "4", date_prec: "6" })).toMatchObject({
      ok: false,
      issues: [{ column: "type_of_violence" }, { column: "date_prec" }],
    });
  });
});

describe("classifyEvent", () => {
  it("counts an event in Russia as cross-border only with a Ukrainian actor", () => {
    const c = (country: string, actors: string[]) => classifyEvent({ format: "acled", eventType: "Battles", country, actors }).isCrossBorder;
    expect(c("Russia", ["Military Forces of Ukraine (2019-)"])).toBe(true);
    expect(c("Russia", ["Military Forces of Russia (2000-)", "Protesters (Russia)"])).toBe(false);
    expect(c("Ukraine", ["Military Forces of Ukraine (2019-)"])).toBe(false);
  });
});
