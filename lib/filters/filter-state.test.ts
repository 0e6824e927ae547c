import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, aidApiQuery, parseFilters, serializeFilters, withDatasetDefaults } from "./filter-state";
import { parseAsInteger } from "nuqs/server";
import { filterSummaryLine } from "./summary-line";

const ctx = { donorCodes: ["DEU", "FRA", "USA"], datasetIds: ["kiel-ust", "curated"] };

describe("parseFilters", () => {
  it("gives the defaults for an empty query", () => {
    expect(parseFilters(new URLSearchParams(""), ctx)).toEqual({ filters: DEFAULT_FILTERS, problems: [] });
  });

  it("reads every parameter", () => {
    const { filters, problems } = parseFilters(
      new URLSearchParams(
        "dataset=curated&donor=deu,fra&category=military&measure=commitment&from=2022-02-24&to=2024-12-31&currency=USD&granularity=quarter&cumulative=1&top=5&gdp=1&split=donor",
      ),
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
    const { filters, problems } = parseFilters({ measure: "both", currency: "GBP", from: "2024-02-30", category: "weapons", top: "1000", dataset: "r99" }, ctx);
    expect(filters).toEqual(DEFAULT_FILTERS);
    expect(problems).toHaveLength(6);
    expect(problems.join(" ")).toMatch(/measure=both/);
    // Each warning names the parameter and the value it rejected.
    for (const kv of ["measure=both", "currency=GBP", "from=2024-02-30", "category=weapons", "top=1000", "dataset=r99"]) {
      expect(
        problems.some((p) => p.includes(kv)),
        kv,
      ).toBe(true);
    }
  });

  it("names a key that the page does not read, with its value, only when told the page's own keys", () => {
    const p = new URLSearchParams("donor=DEU&halfLife=60&colour=red");
    expect(parseFilters(p, ctx, []).problems).toEqual([
      '"halfLife=60" is not a setting of this page; it was ignored.',
      '"colour=red" is not a setting of this page; it was ignored.',
    ]);
    const page = { parsers: { halfLife: parseAsInteger }, checks: { halfLife: () => null } };
    expect(parseFilters(p, ctx, [page]).problems).toEqual(['"colour=red" is not a setting of this page; it was ignored.']);
    // A page that checks its own keys (the slide) gets only the filters' problems.
    expect(parseFilters(p, ctx).problems).toEqual([]);
  });

  it("reports an invalid value of every list item it drops", () => {
    const { filters, problems } = parseFilters({ category: "military,weapons,military", subcategory: "x" }, ctx);
    expect(filters.category).toEqual(["military"]);
    expect(problems).toEqual([
      'Unknown category "weapons" in "category=military,weapons,military"; ignored.',
      'Unknown subcategory "x" in "subcategory=x"; ignored.',
    ]);
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
    expect(qs).toBe("donor=DEU,FRA&category=military&measure=allocation&currency=USD&cumulative=1");
    expect(parseFilters(new URLSearchParams(qs), ctx).filters).toEqual(f);
    const split = { ...DEFAULT_FILTERS, split: "donor" as const, top: 5 };
    expect(parseFilters(new URLSearchParams(serializeFilters(split)), ctx).filters).toEqual(split);
  });

  it("writes the dashboard's keys over a page URL and keeps the page's own", () => {
    const base = new URLSearchParams("donor=DEU&halfLife=60&top=99");
    expect(serializeFilters({ ...DEFAULT_FILTERS, donor: ["FRA"] }, base)).toBe("donor=FRA&halfLife=60&measure=allocation");
  });
});

describe("aidApiQuery", () => {
  it("is canonical: sorted, with measure and currency always present", () => {
    expect(aidApiQuery({ ...DEFAULT_FILTERS, donor: ["USA"] }, { granularity: "year" })).toBe("currency=EUR&donor=USA&granularity=year&measure=allocation");
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
