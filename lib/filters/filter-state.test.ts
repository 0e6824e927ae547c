import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, aidApiQuery, parseFilters, serializeFilters, withDatasetDefaults } from "./filter-state";
import { filterSummaryLine } from "./summary-line";

const ctx = { donorCodes: ["DEU", "FRA", "USA"], datasetIds: ["kiel-ust", "curated"] };

describe("parseFilters", () => {
  it("gives the defaults for an empty query", () => {
    expect(parseFilters(new URLSearchParams(""), ctx)).toEqual({ filters: DEFAULT_FILTERS, problems: [] });
  });

  it("reads every parameter", () => {
    const { filters, problems } = parseFilters(
      new URLSearchParams("dataset=curated&donor=deu,fra&category=military&measure=commitment&from=2022-02-24&to=2024-12-31&currency=USD&granularity=quarter&cumulative=1&top=5&gdp=1&split=donor"),
      ctx,
    );
    expect(problems).toEqual([]);
    expect(filters).toEqual({
      dataset: "curated",
      donor: ["DEU", "FRA"],
      category: ["military"],
      subcategory: [],
      measure: "commitment",
      from: "2022-02-24",
      to: "2024-12-31",
      currency: "USD",
      granularity: "quarter",
      cumulative: true,
      top: 5,
      gdp: true,
      split: "donor",
    });
  });

  it("keeps `split` in the link only when it was chosen, and rejects an unknown one", () => {
    expect(serializeFilters({ ...DEFAULT_FILTERS, split: "category" })).toContain("split=category");
    expect(serializeFilters(DEFAULT_FILTERS)).not.toContain("split");
    const { filters, problems } = parseFilters({ split: "currency" }, ctx);
    expect(filters.split).toBeNull();
    expect(problems[0]).toContain('"split=currency"');
  });

  it("drops an unknown donor code and says so, keeping the known ones", () => {
    const { filters, problems } = parseFilters({ donor: "DEU,XYZ" }, ctx);
    expect(filters.donor).toEqual(["DEU"]);
    expect(problems).toEqual(['Unknown donor code "XYZ" in the link; it was ignored.']);
  });

  it("falls back from invalid values with a message for each", () => {
    const { filters, problems } = parseFilters(
      { measure: "both", currency: "GBP", from: "2024-02-30", category: "weapons", top: "1000", dataset: "r99" },
      ctx,
    );
    expect(filters).toEqual(DEFAULT_FILTERS);
    expect(problems).toHaveLength(6);
    expect(problems.join(" ")).toMatch(/measure=both/);
  });

  it("ignores a reversed date range", () => {
    const { filters, problems } = parseFilters({ from: "2024-05-01", to: "2024-01-01" }, ctx);
    expect([filters.from, filters.to]).toEqual([null, null]);
    expect(problems[0]).toMatch(/after the end date/);
  });
});

describe("withDatasetDefaults", () => {
  it("opens a commitments-only dataset on commitments unless the link names a measure", () => {
    const p = new URLSearchParams("");
    expect(withDatasetDefaults(parseFilters(p, ctx), p, ["commitment"]).filters.measure).toBe("commitment");
    const named = new URLSearchParams("measure=allocation");
    expect(withDatasetDefaults(parseFilters(named, ctx), named, ["commitment"]).filters.measure).toBe("allocation");
    expect(withDatasetDefaults(parseFilters(p, ctx), p, ["allocation", "commitment"]).filters.measure).toBe("allocation");
  });
});

describe("serializeFilters", () => {
  it("round-trips and omits defaults", () => {
    expect(serializeFilters(DEFAULT_FILTERS)).toBe("measure=allocation");
    const f = { ...DEFAULT_FILTERS, donor: ["DEU", "FRA"], category: ["military" as const], cumulative: true, currency: "USD" as const };
    const qs = serializeFilters(f);
    expect(qs).toBe("donor=DEU%2CFRA&category=military&measure=allocation&currency=USD&cumulative=1");
    expect(parseFilters(new URLSearchParams(qs), ctx).filters).toEqual(f);
  });
});

describe("aidApiQuery", () => {
  it("is canonical: sorted, with measure and currency always present", () => {
    expect(aidApiQuery({ ...DEFAULT_FILTERS, donor: ["USA"] }, { granularity: "year" })).toBe(
      "currency=EUR&donor=USA&granularity=year&measure=allocation",
    );
  });
});

describe("filterSummaryLine", () => {
  it("names donors, categories, measure, range and currency", () => {
    const line = filterSummaryLine(
      { ...DEFAULT_FILTERS, donor: ["DEU", "FRA"], category: ["military"] },
      { donorNames: { DEU: "Germany", FRA: "France" }, coverage: { from: "2022-02-01", to: "2026-04-01" } },
    );
    expect(line).toBe("Germany, France · military · allocations · Feb 2022 – Apr 2026 · EUR");
  });

  it("summarises all donors and long donor lists", () => {
    expect(filterSummaryLine(DEFAULT_FILTERS, {})).toBe("All donors · all categories · allocations · all dates · EUR");
    const many = filterSummaryLine({ ...DEFAULT_FILTERS, donor: ["A1", "B1", "C1", "D1", "E1"] }, {});
    expect(many.startsWith("A1, B1, C1 +2 donors")).toBe(true);
  });
});
