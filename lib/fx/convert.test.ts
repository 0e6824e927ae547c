import { describe, expect, it } from "vitest";
import { FxTable, distinctRates } from "./convert";

const table = new FxTable([
  { quote: "USD", year: 2022, month: null, rate: 1.053, sourceId: "ecb" },
  { quote: "USD", year: 2024, month: null, rate: 1.0824, sourceId: "ecb" },
  { quote: "USD", year: 2024, month: 3, rate: 1.0872, sourceId: "ecb-m" },
]);
const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("FxTable", () => {
  it("returns the amount unchanged within one currency", () => {
    expect(table.convert(100, "EUR", "EUR", d("2024-01-01"))).toEqual({ value: 100, rate: null });
  });

  it("converts EUR to USD at the year's annual rate", () => {
    const out = table.convert(1_000, "EUR", "USD", d("2022-06-01"));
    expect(out.value).toBeCloseTo(1_053, 9);
    expect(out.rate).toMatchObject({ period: "2022", rate: 1.053, substituted: false });
  });

  it("converts USD to EUR by dividing by the rate", () => {
    const out = table.convert(60.2e9, "USD", "EUR", d("2024-04-24"));
    expect(out.value).toBeCloseTo(60.2e9 / 1.0824, 0);
  });

  it("prefers a monthly rate when one exists", () => {
    expect(table.convert(1, "EUR", "USD", d("2024-03-15")).rate).toMatchObject({ period: "2024-03", sourceId: "ecb-m" });
  });

  it("uses the nearest annual rate for a year beyond the table and says so", () => {
    const out = table.convert(1, "EUR", "USD", d("2026-02-01"));
    expect(out.value).toBeCloseTo(1.0824, 9);
    expect(out.rate?.substituted).toBe(true);
    expect(out.rate?.note).toMatch(/No EUR\/USD rate for 2026.*2024/);
  });

  it("fails clearly for a currency it has no rate for", () => {
    expect(() => table.convert(1, "EUR", "GBP", d("2024-01-01"))).toThrow(/No EUR\/GBP rate/);
  });

  it("lists each distinct rate once", () => {
    const a = table.convert(1, "EUR", "USD", d("2022-01-01")).rate;
    const b = table.convert(2, "EUR", "USD", d("2022-05-01")).rate;
    expect(distinctRates([a, b, null])).toHaveLength(1);
  });
});
