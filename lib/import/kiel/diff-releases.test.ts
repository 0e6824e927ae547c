import { describe, expect, it } from "vitest";
import { diffReleases, totalsOf, type DiffRecord } from "@/lib/import/kiel/diff-releases";

const rec = (donorCode: string, month: string, category: string, measure: string, amount: number): DiffRecord => ({
  externalKey: `${donorCode}-${month}-${category}-${measure}`,
  donorCode,
  month,
  category,
  measure,
  amount,
});

describe("totalsOf", () => {
  it("sums per measure and category in bn EUR, allocations only into the total", () => {
    expect(totalsOf([rec("A", "2022-01", "military", "allocation", 1e9), rec("A", "2022-01", "unspecified", "commitment", 5e9)])).toEqual({
      allocation: { military: 1, financial: 0, humanitarian: 0, total: 1 },
      commitment: { unspecified: 5 },
    });
  });
});

describe("diffReleases", () => {
  it("reports no previous release on a first import", () => {
    const d = diffReleases(null, [rec("A", "2022-01", "military", "allocation", 1e9)]);
    expect(d.previous).toBeNull();
    expect(d.records).toEqual({ added: 1, removed: 0, changed: 0, unchanged: 0 });
    expect(d.totals.find((t) => t.category === "military")).toEqual({
      measure: "allocation",
      category: "military",
      previous: null,
      current: 1,
      delta: null,
    });
  });

  it("counts added, removed and changed records and donor-months, and per-category deltas", () => {
    const old = [
      rec("A", "2022-01", "military", "allocation", 1e9),
      rec("A", "2022-02", "military", "allocation", 2e9),
      rec("B", "2022-01", "financial", "allocation", 3e9),
    ];
    const cur = [
      rec("A", "2022-01", "military", "allocation", 1e9),
      rec("A", "2022-02", "military", "allocation", 2.5e9),
      rec("C", "2022-01", "humanitarian", "allocation", 1e6),
    ];
    const d = diffReleases({ label: "R28", sourceId: "src-kiel-ust-r28", records: old }, cur);
    expect(d.previous).toEqual({ label: "R28", sourceId: "src-kiel-ust-r28" });
    expect(d.records).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 });
    expect(d.donorMonths).toEqual({ previous: 3, current: 3, added: 1, removed: 1 });
    const byCat = Object.fromEntries(d.totals.map((t) => [`${t.measure}.${t.category}`, t.delta]));
    expect(byCat).toEqual({
      "allocation.military": 0.5,
      "allocation.financial": -3,
      "allocation.humanitarian": 0.001,
      "allocation.total": -2.499,
      "commitment.unspecified": 0,
    });
  });
});
