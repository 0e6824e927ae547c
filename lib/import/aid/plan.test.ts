import { describe, expect, it } from "vitest";
import { changesRecords, KeyIndex, summariseChange, TotalsByMeasureCurrency } from "@/lib/import/aid/plan";
import type { RecordContent } from "@/lib/import/aid/keys";

const row = (amount: number, date = "2024-03-01"): RecordContent => ({
  date,
  donorCode: "DEU",
  granularity: "month",
  category: "military",
  subcategory: null,
  measure: "allocation",
  amount,
  currency: "EUR",
  notes: null,
  sourceUrls: ["https://a.example"],
});

describe("KeyIndex", () => {
  it("classifies file rows against the dataset's records", () => {
    const k = new KeyIndex();
    expect(k.registerExplicit("a", row(1))).toBe(true);
    expect(k.registerExplicit("b", row(2))).toBe(true);
    expect(k.registerExplicit("c", row(3))).toBe(true);
    expect(k.registerExplicit("a", row(9))).toBe(false); // duplicate key in the file

    expect(k.compareExisting("a", row(1))).toBe("unchanged");
    expect(k.compareExisting("b", row(20))).toBe("updated");
    expect(k.compareExisting("z", row(5))).toBe("absent");
    expect(k.changeCounts()).toEqual({ added: 1, updated: 1, unchanged: 1, absent: 1, existing: 3 });

    expect(k.takeExplicit("a")).toBe("unchanged");
    expect(k.takeExplicit("b")).toBe("updated");
    expect(k.takeExplicit("c")).toBe("added");
  });

  it("claims keys of a new dataset's single pass, refusing a key twice (also a long, digested one)", () => {
    const k = new KeyIndex();
    const long = "x".repeat(40);
    expect([k.claimExplicit("a"), k.claimExplicit(long), k.claimExplicit("b")]).toEqual([true, true, true]);
    expect([k.claimExplicit("a"), k.claimExplicit(long)]).toEqual([false, false]);
    expect(k.size).toBe(3);
  });

  it("gives identical rows without keys distinct keys, the same in both passes", () => {
    const k = new KeyIndex();
    const first = k.registerDerived(row(1));
    const second = k.registerDerived(row(1));
    const other = k.registerDerived(row(2));
    expect(second).toBe(`${first}-2`);
    expect(k.size).toBe(3);
    expect(k.compareExisting(first, row(1))).toBe("unchanged");
    expect(k.takeDerived(row(1))).toEqual({ key: first, change: "unchanged" });
    expect(k.takeDerived(row(2))).toEqual({ key: other, change: "added" });
    expect(k.takeDerived(row(1))).toEqual({ key: second, change: "added" });
  });

  it("re-importing the same rows is unchanged", () => {
    const k = new KeyIndex();
    for (let i = 0; i < 100; i++) k.registerExplicit(`k${i}`, row(i));
    for (let i = 0; i < 100; i++) k.compareExisting(`k${i}`, row(i));
    const change = summariseChange(k.changeCounts(), "replace");
    expect(change).toEqual({ mode: "replace", added: 0, updated: 0, unchanged: 100, removed: 0, kept: 0 });
    expect(changesRecords(change)).toBe(false);
  });
});

describe("summariseChange", () => {
  const counts = { added: 2, updated: 1, unchanged: 3, absent: 4, existing: 8 };
  it("removes absent records only with --replace", () => {
    expect(summariseChange(counts, "replace")).toMatchObject({ removed: 4, kept: 0 });
    expect(summariseChange(counts, "merge")).toMatchObject({ removed: 0, kept: 4 });
    expect(changesRecords({ mode: "replace", added: 0, updated: 0, unchanged: 3, removed: 1, kept: 0 })).toBe(true);
  });
});

describe("TotalsByMeasureCurrency", () => {
  it("never adds across measures or currencies", () => {
    const t = new TotalsByMeasureCurrency();
    t.add("allocation", "EUR", 1);
    t.add("allocation", "EUR", 2);
    t.add("allocation", "USD", 5);
    t.add("commitment", "EUR", 7);
    expect(t.list()).toEqual([
      { measure: "allocation", currency: "EUR", rows: 2, amount: 3 },
      { measure: "allocation", currency: "USD", rows: 1, amount: 5 },
      { measure: "commitment", currency: "EUR", rows: 1, amount: 7 },
    ]);
  });
});
