import { describe, expect, it } from "vitest";
import { aidCoverage, coverageLabel, firstUncoveredMonth, labelFits, splitAtCoverage, uncoveredSpan } from "./coverage";

const zero = { nuclear: 0, conventional: 0, western_support: 0, third_country: 0, de_escalation: 0 };
const row = (date: string, value: number) => ({ t: 0, date, value, ...zero, nuclear: value });

describe("uncoveredSpan", () => {
  it("starts the day after the last curated event and runs to the end of the range", () => {
    expect(uncoveredSpan({ from: "2022-02-24", to: "2026-11-30" }, "2025-06-01")).toEqual({
      from: "2025-06-02",
      to: "2026-11-30",
      label: "no curated events after 1 Jun 2025",
    });
  });

  it("is null when the range ends on or before the coverage end", () => {
    expect(uncoveredSpan({ from: "2022-02-24", to: "2025-06-01" }, "2025-06-01")).toBeNull();
    expect(uncoveredSpan({ from: "2022-02-24", to: "2024-01-01" }, "2025-06-01")).toBeNull();
  });

  it("covers the whole range when it starts after the coverage end, or when there are no events", () => {
    expect(uncoveredSpan({ from: "2026-01-01", to: "2026-02-01" }, "2025-06-01")).toMatchObject({ from: "2026-01-01", to: "2026-02-01" });
    expect(uncoveredSpan({ from: "2026-01-01", to: "2026-02-01" }, null)).toEqual({ from: "2026-01-01", to: "2026-02-01", label: "no curated events" });
    expect(coverageLabel("2025-06-17", "deployment reports")).toBe("no deployment reports after 17 Jun 2025");
  });
});

describe("splitAtCoverage", () => {
  it("draws the headline solid up to the coverage end and dashed from it, meeting on that day; sub-indices stop", () => {
    const rows = splitAtCoverage([row("2025-05-31", 3), row("2025-06-01", 2), row("2025-06-02", 1)], "2025-06-01", ["nuclear"]);
    expect(rows.map((r) => [r.covered, r.uncovered, r.nuclear_covered])).toEqual([
      [3, null, 3],
      [2, 2, 2],
      [null, 1, null],
    ]);
    // The unsplit values stay for the tooltip.
    expect(rows[2]).toMatchObject({ value: 1, nuclear: 1 });
  });

  it("draws everything dashed without a coverage end", () => {
    expect(splitAtCoverage([row("2025-05-31", 3)], null, ["nuclear"])[0]).toMatchObject({ covered: null, uncovered: 3, nuclear_covered: null });
  });
});

describe("firstUncoveredMonth", () => {
  it("is the month after the coverage end's, across a year end", () => {
    expect(firstUncoveredMonth("2025-06-01")).toBe("2025-07");
    expect(firstUncoveredMonth("2025-12-31")).toBe("2026-01");
    expect(firstUncoveredMonth(null)).toBeNull();
  });
});

describe("aidCoverage", () => {
  const month = (period: string, index: number) => ({ period, aid: 1, index, indexDays: 30 });
  const rows = [month("2025-05", 5), month("2025-06", 4), month("2025-07", 2), month("2025-08", 1)];

  it("shades from the month after the coverage end's, the index solid to that month and dashed from it", () => {
    const c = aidCoverage(rows, "2025-06-01");
    expect(c.uncoveredFrom).toBe("2025-07");
    expect(c.label).toBe("no curated events after 1 Jun 2025");
    expect(c.rows.map((r) => [r.indexCovered, r.indexUncovered])).toEqual([
      [5, null],
      [4, 4],
      [null, 2],
      [null, 1],
    ]);
  });

  it("shades nothing when the months end within the coverage, everything without events", () => {
    const c = aidCoverage(rows, "2025-08-31");
    expect(c.uncoveredFrom).toBeNull();
    expect(c.rows.every((r) => r.indexUncovered === null && r.indexCovered === r.index)).toBe(true);
    expect(aidCoverage(rows, null).uncoveredFrom).toBe("2025-05");
    expect(aidCoverage(rows, undefined).uncoveredFrom).toBeNull();
  });
});

describe("labelFits", () => {
  const span = { from: "2025-06-18", to: "2025-07-17", label: "no deployment reports after 17 Jun 2025" };
  it("keeps a label out of a span too narrow for it", () => {
    expect(labelFits(span, { from: "2023-09-13", to: "2025-07-17" }, 580)).toBe(false);
    expect(labelFits({ ...span, to: "2026-11-30" }, { from: "2023-09-13", to: "2026-11-30" }, 580)).toBe(true);
  });
});
