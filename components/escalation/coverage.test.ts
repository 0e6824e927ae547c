import { describe, expect, it } from "vitest";
import {
  aidCoverage,
  coverageLabel,
  firstUncoveredMonth,
  fitLabel,
  labelFits,
  spanWidth,
  splitAtCoverage,
  textFits,
  uncoveredSpan,
  wrapLabel,
} from "./coverage";

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

  it("gives the shaded months' share of the months drawn, for the label's fit", () => {
    expect(aidCoverage(rows, "2025-06-01").uncoveredShare).toBe(0.5);
    expect(aidCoverage(rows, "2025-08-31").uncoveredShare).toBe(0);
    expect(aidCoverage(rows, null).uncoveredShare).toBe(1);
  });

  it("keeps the rows' own fields (the slide's rows carry totals and categories)", () => {
    const c = aidCoverage([{ period: "2025-07", index: 2, total: 9 }], "2025-06-01");
    expect(c.rows[0]).toEqual({ period: "2025-07", index: 2, total: 9, indexCovered: null, indexUncovered: 2 });
  });
});

describe("labelFits", () => {
  const span = { from: "2025-06-18", to: "2025-07-17", label: "no deployment reports after 17 Jun 2025" };
  it("keeps a label out of a span too narrow for it", () => {
    expect(labelFits(span, { from: "2023-09-13", to: "2025-07-17" }, 580)).toBe(false);
    expect(labelFits({ ...span, to: "2026-11-30" }, { from: "2023-09-13", to: "2026-11-30" }, 580)).toBe(true);
  });

  it("asks for room in proportion to the type size", () => {
    const wide = { ...span, to: "2026-11-30" };
    const domain = { from: "2023-09-13", to: "2026-11-30" };
    // The span is about 260 of 580 px: room for 11 px type (246 px), not for 17 px (380 px).
    expect(labelFits(wide, domain, 580, 17)).toBe(false);
    expect(labelFits(wide, domain, 900, 17)).toBe(true);
  });
});

describe("textFits", () => {
  it("needs about 6 px a character plus 12 px at 11 px type, in proportion at other sizes", () => {
    const label = "no curated events after 15 May 2026"; // 35 characters
    expect(textFits(label, 222)).toBe(true);
    expect(textFits(label, 221)).toBe(false);
    expect(textFits(label, 444, 22)).toBe(true);
    expect(textFits(label, 443, 22)).toBe(false);
  });

  it("takes a second line where the caller allows one", () => {
    const label = "no curated events after 15 May 2026";
    // "no curated events" and "after 15 May 2026": 17 characters each, 114 px at 11 px type.
    expect(textFits(label, 114, 11, 2)).toBe(true);
    expect(textFits(label, 113, 11, 2)).toBe(false);
    expect(textFits(label, 114)).toBe(false);
  });
});

describe("wrapLabel", () => {
  it("fills each line greedily, as Recharts wraps a label given a width", () => {
    expect(wrapLabel("no curated events after 15 May 2026", 300)).toEqual(["no curated events after 15 May 2026"]);
    expect(wrapLabel("no curated events after 15 May 2026", 150)).toEqual(["no curated events after", "15 May 2026"]);
    expect(wrapLabel("no curated events after 15 May 2026", 114)).toEqual(["no curated events", "after 15 May 2026"]);
  });

  it("is null when a word alone is too wide", () => {
    expect(wrapLabel("no curated events", 40)).toBeNull();
  });

  it("gives the lines only within the lines allowed (fitLabel)", () => {
    expect(fitLabel("no curated events after 15 May 2026", 150, 11, 2)).toEqual(["no curated events after", "15 May 2026"]);
    expect(fitLabel("no curated events after 15 May 2026", 150)).toBeNull();
  });
});

describe("spanWidth", () => {
  it("is the span's share of the domain's days, in pixels", () => {
    expect(spanWidth({ from: "2026-01-01", to: "2026-01-11" }, { from: "2026-01-01", to: "2026-01-21" }, 400)).toBe(200);
    expect(spanWidth({ from: "2026-01-01", to: "2026-01-11" }, { from: "2026-01-01", to: "2026-01-01" }, 400)).toBe(0);
  });
});
