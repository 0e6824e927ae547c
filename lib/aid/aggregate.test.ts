import { describe, expect, it } from "vitest";
import { aggregateTimeseries, summariseAid, type AmountRow } from "./aggregate";
import { periodBounds, periodsBetween } from "./periods";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const rows: AmountRow[] = [
  { donorCode: "DEU", date: d("2022-03-01"), category: "military", amount: 10 },
  { donorCode: "DEU", date: d("2022-03-01"), category: "humanitarian", amount: 5 },
  { donorCode: "FRA", date: d("2022-05-01"), category: "financial", amount: 20 },
  { donorCode: "USA", date: d("2023-01-01"), category: "military", amount: 1 },
];

describe("summariseAid", () => {
  it("totals per donor, per category and overall, largest donor first", () => {
    const s = summariseAid(rows);
    expect(s.total).toBe(36);
    expect(s.byCategory).toEqual({ military: 11, financial: 20, humanitarian: 5, unspecified: 0 });
    expect(s.byDonor.map((x) => [x.donorCode, x.total])).toEqual([
      ["FRA", 20],
      ["DEU", 15],
      ["USA", 1],
    ]);
    expect(s.byDonor[1].byCategory).toEqual({ military: 10, financial: 0, humanitarian: 5, unspecified: 0 });
    expect(s.recordCount).toBe(4);
  });

  it("gives zeros for no rows", () => {
    expect(summariseAid([])).toMatchObject({ total: 0, byDonor: [], recordCount: 0 });
  });
});

describe("aggregateTimeseries", () => {
  it("fills months without aid with zero", () => {
    const ts = aggregateTimeseries(rows.slice(0, 3), "month");
    expect(ts.map((p) => p.period)).toEqual(["2022-03", "2022-04", "2022-05"]);
    expect(ts[1]).toEqual({ period: "2022-04", total: 0, byCategory: { military: 0, financial: 0, humanitarian: 0, unspecified: 0 } });
    expect(ts[0].total).toBe(15);
  });

  it("groups by quarter and year", () => {
    expect(aggregateTimeseries(rows, "quarter").map((p) => [p.period, p.total])).toEqual([
      ["2022-Q1", 15],
      ["2022-Q2", 20],
      ["2022-Q3", 0],
      ["2022-Q4", 0],
      ["2023-Q1", 1],
    ]);
    expect(aggregateTimeseries(rows, "year").map((p) => [p.period, p.total])).toEqual([
      ["2022", 35],
      ["2023", 1],
    ]);
  });

  it("spans the requested range even beyond the data", () => {
    const ts = aggregateTimeseries(rows.slice(0, 1), "month", { start: d("2022-01-15"), end: d("2022-04-30") });
    expect(ts.map((p) => p.period)).toEqual(["2022-01", "2022-02", "2022-03", "2022-04"]);
  });

  it("returns no points for no rows and no span", () => {
    expect(aggregateTimeseries([], "month")).toEqual([]);
  });
});

describe("periods", () => {
  it("lists periods across a year boundary", () => {
    expect(periodsBetween(d("2023-11-20"), d("2024-02-01"), "month")).toEqual(["2023-11", "2023-12", "2024-01", "2024-02"]);
  });
  it("gives the bounds of a period", () => {
    expect(periodBounds("2024-02")).toEqual({ start: "2024-02-01", end: "2024-02-29" });
    expect(periodBounds("2024-Q4")).toEqual({ start: "2024-10-01", end: "2024-12-31" });
    expect(periodBounds("2023")).toEqual({ start: "2023-01-01", end: "2023-12-31" });
    expect(() => periodBounds("x")).toThrow(RangeError);
  });
});
