import { describe, expect, it } from "vitest";
import type { AidTimeseriesDto } from "@/lib/aid/queries";
import { emptyCategories } from "@/lib/aid/aggregate";
import { aidOverTimeChart, type AidOverTimeOptions } from "./aid-over-time";
import { donorColor, donorColors, DONOR_PALETTE, OTHERS_COLOR } from "./donor-colors";
import { effectiveSplit } from "./split";
import { parse } from "csv-parse/sync";

const source = { id: "s1", publisher: "Kiel Institute", title: "Tracker", url: "https://example.org/t", publishedAt: null, releaseLabel: null };

function dto(points: { period: string; byDonor: Record<string, number> }[], names: Record<string, string>): AidTimeseriesDto {
  const totals = new Map<string, number>();
  for (const p of points) for (const [c, v] of Object.entries(p.byDonor)) totals.set(c, (totals.get(c) ?? 0) + v);
  return {
    dataset: {
      id: "kiel",
      name: "Tracker R29",
      kind: "tracker",
      asOf: "2026-04-30",
      measures: ["allocation"],
      coverage: { from: null, to: null },
      source: null,
    } as never,
    measure: "allocation",
    currency: "EUR",
    unit: "EUR",
    filters: { donor: [], category: [], subcategory: [], from: null, to: null },
    fx: { rates: [] },
    sources: [source],
    granularity: "month",
    points: points.map((p) => {
      const total = Object.values(p.byDonor).reduce((a, b) => a + b, 0);
      return { period: p.period, total, byCategory: { ...emptyCategories(), military: total }, byDonor: p.byDonor };
    }),
    donors: [...totals].sort((a, b) => b[1] - a[1]).map(([donorCode, total]) => ({ donorCode, donorName: names[donorCode] ?? donorCode, total })),
  };
}

const opts: AidOverTimeOptions = {
  split: "donor",
  cumulative: false,
  currency: "EUR",
  measure: "allocation",
  granularity: "month",
  selection: "Germany, France · military",
};

describe("aidOverTimeChart", () => {
  const data = dto(
    [
      { period: "2024-01", byDonor: { DEU: 10, FRA: 4 } },
      { period: "2024-02", byDonor: { DEU: 0, FRA: 6 } },
    ],
    { DEU: "Germany", FRA: "France" },
  );

  it("draws one series per donor, named and coloured by the donor rule, largest first", () => {
    const def = aidOverTimeChart(data, opts);
    expect(def.series.map((s) => [s.key, s.label])).toEqual([
      ["DEU", "Germany"],
      ["FRA", "France"],
    ]);
    expect(def.legend.map((l) => l.label)).toEqual(["Germany", "France"]);
    expect(def.series.map((s) => s.color)).toEqual([donorColor("DEU"), donorColor("FRA")]);
    expect(def.rows.map((r) => [r.DEU, r.FRA, r.total])).toEqual([
      [10, 4, 14],
      [0, 6, 6],
    ]);
    expect(def.title).toBe("Aid over time, by donor");
  });

  it("runs totals per donor when cumulative, and writes a long CSV whose amounts add up to the data", () => {
    const def = aidOverTimeChart(data, { ...opts, cumulative: true });
    expect(def.rows.map((r) => [r.DEU, r.FRA])).toEqual([
      [10, 4],
      [10, 10],
    ]);
    const flows = parse(aidOverTimeChart(data, opts).csv(), { columns: true }) as Record<string, string>[];
    expect(flows.map((r) => r.donor_code)).toEqual(["DEU", "FRA", "DEU", "FRA"]);
    expect(flows.reduce((s, r) => s + Number(r.amount), 0)).toBe(20);
    expect(flows[0]).toMatchObject({ donor_name: "Germany", currency: "EUR", measure: "allocation", basis: "per month", source_urls: "https://example.org/t" });
  });

  it("keeps the nine largest donors and sums the rest as one 'others' series beyond ten", () => {
    const byDonor = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`D${String(i).padStart(2, "0")}`, 100 - i]));
    const def = aidOverTimeChart(dto([{ period: "2024-01", byDonor }], {}), opts);
    expect(def.series).toHaveLength(10);
    expect(def.series.at(-1)).toMatchObject({ key: "OTHERS", label: "3 other donors", color: OTHERS_COLOR });
    expect(def.rows[0].OTHERS).toBe(89 + 90 + 91);
    expect(def.rows[0].total).toBe(Object.values(byDonor).reduce((a, b) => a + b, 0));
    expect(new Set(def.series.map((s) => s.color)).size).toBe(10);
  });

  it("falls back to categories when the data was not read by donor", () => {
    const { donors: _ignored, ...byCategory } = data;
    const def = aidOverTimeChart({ ...byCategory, points: data.points.map(({ byDonor: _b, ...p }) => p) }, opts);
    expect(def.split).toBe("category");
    expect(def.series.map((s) => s.key)).toEqual(["military"]);
    expect(def.title).toBe("Aid over time");
  });
});

describe("donor colours", () => {
  it("gives a donor the same colour in any selection, and no two donors of one chart the same", () => {
    expect(donorColors(["DEU", "FRA"]).DEU).toBe(donorColors(["FRA", "USA", "DEU"]).DEU);
    const many = donorColors(["AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "GRC"]);
    expect(new Set(Object.values(many)).size).toBe(10);
    for (const c of Object.values(many)) expect(DONOR_PALETTE).toContain(c);
  });
});

describe("effectiveSplit", () => {
  it("compares 2 to 10 selected donors unless the link says otherwise", () => {
    expect(effectiveSplit({ split: null, donor: [] })).toBe("category");
    expect(effectiveSplit({ split: null, donor: ["DEU"] })).toBe("category");
    expect(effectiveSplit({ split: null, donor: ["DEU", "FRA"] })).toBe("donor");
    expect(effectiveSplit({ split: null, donor: Array.from({ length: 11 }, (_, i) => `D${i}`) })).toBe("category");
    expect(effectiveSplit({ split: "category", donor: ["DEU", "FRA"] })).toBe("category");
    expect(effectiveSplit({ split: "donor", donor: [] })).toBe("donor");
  });
});
