import { describe, expect, it } from "vitest";
import { bnToEur, planKielImport } from "@/lib/import/kiel/plan-kiel-import";
import type { KielRow } from "@/lib/import/kiel/parse-data-explorer";

function row(p: Partial<KielRow>): KielRow {
  return {
    line: 2,
    country: "Australia",
    iso: "AUS",
    year: 2022,
    month: 3,
    total: 0,
    financial: 0,
    humanitarian: 0,
    military: 0,
    commitments: null,
    toBeAllocated: null,
    gdp: null,
    ...p,
  };
}

const de = (rows: KielRow[], hasCommitments = true) => ({ rows, columns: [], hasCommitments, hasToBeAllocated: hasCommitments });

describe("planKielImport", () => {
  it("writes one allocation record per non-zero category and an unspecified commitment", () => {
    const r = planKielImport({
      dataExplorer: de([row({ total: 0.142911, humanitarian: 0.0653, military: 0.077611, commitments: 0.142912, toBeAllocated: 5 })]),
      weapons: null,
      knownDonors: [{ code: "AUS", name: "Australia" }],
    });
    if (!r.ok) throw new Error("plan failed");
    expect(r.value.records.map((x) => [x.id, x.category, x.measure, x.amount])).toEqual([
      ["kiel-ust--AUS-2022-03-military-allocation", "military", "allocation", 77_611_000],
      ["kiel-ust--AUS-2022-03-humanitarian-allocation", "humanitarian", "allocation", 65_300_000],
      ["kiel-ust--AUS-2022-03-unspecified-commitment", "unspecified", "commitment", 142_912_000],
    ]);
    expect(r.value.records[0]).toMatchObject({ date: new Date("2022-03-01T00:00:00Z"), granularity: "month", currency: "EUR" });
    // to_be_allocated is never added to anything; commitments are never added to allocations.
    expect(r.value.summary.totals).toEqual({
      allocation: { military: 0.077611, financial: 0, humanitarian: 0.0653, total: 0.142911 },
      commitment: { unspecified: 0.142912 },
    });
    expect(r.value.donorsToCreate).toEqual([]);
  });

  it("creates unknown donors with the file's country name", () => {
    const r = planKielImport({ dataExplorer: de([row({ iso: "XYZ", country: "Xyzland", total: 1, military: 1 })]), weapons: null, knownDonors: [] });
    expect(r.ok && r.value.donorsToCreate).toEqual([{ code: "XYZ", name: "Xyzland" }]);
  });

  it("keeps the latest month's GDP per donor, in EUR, and skips missing or zero GDP", () => {
    const r = planKielImport({
      dataExplorer: de([
        row({ month: 5, gdp: 1300 }),
        row({ month: 3, gdp: 1200 }),
        row({ iso: "EU", country: "EU", gdp: 0 }),
        row({ iso: "AUT", country: "Austria", gdp: null }),
      ]),
      weapons: null,
      knownDonors: [],
    });
    expect(r.ok && r.value.gdp).toEqual([{ donorCode: "AUS", gdpEur: 1.3e12 }]);
  });

  it("resolves weapons donors by name and rejects unknown names with their line", () => {
    const weapons = [
      { line: 2, donor: "australia", category: "Tanks", count: 49, valueEur: 4.6e8, weaponsList: "M1A1 (49)" },
      { line: 3, donor: "Germany", category: "IFV", count: 1, valueEur: 1, weaponsList: "" },
    ];
    const ok = planKielImport({
      dataExplorer: de([row({})]),
      weapons,
      knownDonors: [{ code: "DEU", name: "Germany" }],
    });
    expect(ok.ok && ok.value.weapons.map((w) => [w.id, w.donorCode])).toEqual([
      ["kiel-ust--weapons-AUS-tanks", "AUS"],
      ["kiel-ust--weapons-DEU-ifv", "DEU"],
    ]);
    const bad = planKielImport({ dataExplorer: de([row({})]), weapons, knownDonors: [] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues).toEqual([expect.objectContaining({ file: "weapons.csv", line: 3, column: "donor" })]);
  });

  it("converts bn to EUR without float noise", () => {
    expect(bnToEur(0.002645)).toBe(2_645_000);
    expect(bnToEur(1312.77115526256)).toBe(1_312_771_155_262.56);
  });
});
