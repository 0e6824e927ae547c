import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";
import { call } from "./helpers/call-route";
import * as summary from "@/app/api/aid/summary/route";
import * as timeseries from "@/app/api/aid/timeseries/route";
import * as records from "@/app/api/aid/records/route";
import * as meta from "@/app/api/meta/route";
import { parse } from "csv-parse/sync";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => t.cleanup());

const USD_2024 = 1.0824;

describe("GET /api/meta", () => {
  it("lists donors with groups, datasets, coverage and sources", async () => {
    const r = await call(meta.GET, "/api/meta");
    expect(r.status).toBe(200);
    expect(r.body.donors.find((d: any) => d.code === "DEU")).toMatchObject({ name: "Germany", groups: expect.arrayContaining(["EU_MEMBER", "G7", "NATO"]) });
    expect(r.body.defaultDataset).toBe("curated");
    expect(r.body.datasets.map((d: any) => d.id)).toContain("curated");
    expect(r.body.coverage.aid).toEqual({ datasetId: "curated", from: "2024-02-29", to: "2024-04-30" });
    expect(r.body.sources.total).toBeGreaterThan(0);
  });
});

describe("GET /api/aid/summary", () => {
  it("defaults to the curated dataset and allocations, and says so", async () => {
    const r = await call(summary.GET, "/api/aid/summary");
    expect(r.status).toBe(200);
    expect(r.body.dataset.id).toBe("curated");
    expect(r.body.measure).toBe("allocation");
    expect(r.body.currency).toBe("EUR");
    // The curated announcements are all commitments: no allocation is invented.
    expect(r.body.total).toBe(0);
  });

  it("totals the enacted titles of the US April 2024 package in USD, split by category (the loans are financial)", async () => {
    const r = await call(summary.GET, "/api/aid/summary?measure=commitment&donor=usa&currency=USD");
    expect(r.status).toBe(200);
    expect(r.body.total).toBeCloseTo(57.75e9, 0);
    expect(r.body.byDonor).toHaveLength(1);
    expect(r.body.byDonor[0]).toMatchObject({ donorCode: "USA", donorName: "United States" });
    expect(r.body.byCategory.military).toBeCloseTo(49.9e9, 0);
    expect(r.body.byCategory.financial).toBeCloseTo(7.85e9, 0);
    expect(r.body.fx.rates).toEqual([]);
    expect(r.body.sources.map((s: any) => s.id)).toContain("src-natoassoc-ofwono-2024");
  });

  it("converts USD to EUR at the 2024 ECB average and names the rate", async () => {
    const r = await call(summary.GET, "/api/aid/summary?measure=commitment&donor=USA");
    expect(r.body.total).toBeCloseTo(57.75e9 / USD_2024, 0);
    expect(r.body.fx.rates).toEqual([
      expect.objectContaining({
        pair: "EUR/USD",
        period: "2024",
        rate: USD_2024,
        substituted: false,
        source: expect.objectContaining({ publisher: "European Central Bank" }),
      }),
    ]);
  });

  it("filters by category and date range (inclusive)", async () => {
    const fin = await call(summary.GET, "/api/aid/summary?measure=commitment&category=financial&currency=EUR");
    expect(fin.body.total).toBeCloseTo(50e9 + 7.85e9 / USD_2024, 0);
    const inRange = await call(summary.GET, "/api/aid/summary?measure=commitment&from=2024-02-29&to=2024-02-29");
    expect(inRange.body.byDonor.map((d: any) => d.donorCode)).toEqual(["EU"]);
    const none = await call(summary.GET, "/api/aid/summary?measure=commitment&to=2024-02-28");
    expect(none.body.total).toBe(0);
  });

  it.each([
    ["donor=XXX", "donor"],
    ["category=weapons", "category"],
    ["measure=both", "measure"],
    ["from=2024-13-01", "from"],
    ["from=2024-05-01&to=2024-01-01", "from"],
    ["currency=GBP", "currency"],
    ["dataset=nope", "dataset"],
  ])("rejects %s with 400 naming %s", async (qs, param) => {
    const r = await call(summary.GET, `/api/aid/summary?${qs}`);
    expect(r.status).toBe(400);
    expect(r.body.error).toContain(`"${param}"`);
    expect(r.body.issues[0].path[0]).toBe(param);
  });
});

describe("GET /api/aid/timeseries", () => {
  it("zero-fills months and splits by category", async () => {
    const r = await call(timeseries.GET, "/api/aid/timeseries?measure=commitment&granularity=month&currency=USD");
    expect(r.status).toBe(200);
    expect(r.body.points.map((p: any) => p.period)).toEqual(["2024-02", "2024-03", "2024-04"]);
    expect(r.body.points[1].total).toBe(0);
    const apr = r.body.points[2];
    expect(apr.byCategory.military).toBeCloseTo(49.9e9, 0);
    // The combined EU + members figure overlaps the EU institutions' own: not in an all-donor total.
    expect(apr.byCategory.unspecified).toBe(0);
    const eu27 = await call(timeseries.GET, "/api/aid/timeseries?measure=commitment&granularity=month&currency=USD&donor=EU27");
    expect(eu27.body.points[2].byCategory.unspecified).toBeCloseTo(126e9, 0);
  });

  it("spans the dataset's coverage even when the selection's figures stop earlier", async () => {
    const r = await call(timeseries.GET, "/api/aid/timeseries?measure=commitment&donor=EU&granularity=month");
    expect(r.body.points.map((p: any) => p.period)).toEqual(["2024-02", "2024-03", "2024-04"]);
    expect(r.body.points[2].total).toBe(0);
  });

  it("groups by quarter and year", async () => {
    const q = await call(timeseries.GET, "/api/aid/timeseries?measure=commitment&granularity=quarter&from=2024-01-01&to=2024-12-31");
    expect(q.body.points.map((p: any) => p.period)).toEqual(["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]);
    const y = await call(timeseries.GET, "/api/aid/timeseries?measure=commitment&granularity=year");
    expect(y.body.points.map((p: any) => p.period)).toEqual(["2024"]);
  });

  it("splits each period by donor with by=donor, adding up to the category totals and the summary's donor totals", async () => {
    const qs = "measure=commitment&granularity=month&currency=USD";
    const byCat = await call(timeseries.GET, `/api/aid/timeseries?${qs}`);
    const r = await call(timeseries.GET, `/api/aid/timeseries?${qs}&by=donor`);
    expect(r.status).toBe(200);
    expect(byCat.body.donors).toBeUndefined();
    expect(r.body.points.map((p: any) => p.period)).toEqual(byCat.body.points.map((p: any) => p.period));
    for (const [i, p] of r.body.points.entries()) {
      expect(p.total).toBeCloseTo(byCat.body.points[i].total, 0);
      const donorSum = Object.values(p.byDonor as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(donorSum).toBeCloseTo(p.total, 0);
    }
    const s = await call(summary.GET, `/api/aid/summary?measure=commitment&currency=USD`);
    expect(r.body.donors.length).toBeGreaterThan(1);
    expect(r.body.donors.map((d: any) => d.donorCode)).toEqual(s.body.byDonor.map((d: any) => d.donorCode));
    for (const d of r.body.donors) {
      expect(d.total).toBeCloseTo(s.body.byDonor.find((x: any) => x.donorCode === d.donorCode).total, 0);
      expect(d.donorName).not.toBe("");
    }
  });

  it("by=donor keeps only the selected donors, each on its own", async () => {
    const all = await call(timeseries.GET, "/api/aid/timeseries?measure=commitment&by=donor");
    const [a, b] = all.body.donors.map((d: any) => d.donorCode);
    const r = await call(timeseries.GET, `/api/aid/timeseries?measure=commitment&by=donor&donor=${a},${b}`);
    expect(r.body.donors.map((d: any) => d.donorCode).sort()).toEqual([a, b].sort());
    for (const p of r.body.points) expect(Object.keys(p.byDonor).every((c) => c === a || c === b)).toBe(true);
    const only = await call(timeseries.GET, `/api/aid/timeseries?measure=commitment&donor=${a}`);
    expect(r.body.points.map((p: any) => p.byDonor[a] ?? 0)).toEqual(only.body.points.map((p: any) => p.total));
  });

  it("rejects an unknown split", async () => {
    const r = await call(timeseries.GET, "/api/aid/timeseries?by=currency");
    expect(r.status).toBe(400);
    expect(r.body.error).toContain('"by"');
  });

  it("rejects an unknown granularity", async () => {
    const r = await call(timeseries.GET, "/api/aid/timeseries?granularity=week");
    expect(r.status).toBe(400);
    expect(r.body.error).toContain('"granularity"');
  });
});

describe("GET /api/aid/records", () => {
  it("pages the filtered rows with their sources", async () => {
    const r = await call(records.GET, "/api/aid/records?measure=commitment&pageSize=2&page=2");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 6, page: 2, pageSize: 2 });
    expect(r.body.items).toHaveLength(2);
    for (const item of r.body.items) expect(item.sources.length).toBeGreaterThan(0);
  });

  it("rejects pageSize above 1000", async () => {
    const r = await call(records.GET, "/api/aid/records?pageSize=1001");
    expect(r.status).toBe(400);
    expect(r.body.error).toContain('"pageSize"');
  });

  it("returns the same rows as CSV with source columns", async () => {
    const json = await call(records.GET, "/api/aid/records?measure=commitment&donor=USA&currency=USD");
    const csv = await call(records.GET, "/api/aid/records?measure=commitment&donor=USA&currency=USD&format=csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="aid-records_curated_commitment_USD\.csv"/);
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(json.body.total);
    expect(rows.reduce((s, r) => s + Number(r.value), 0)).toBeCloseTo(57.75e9, 0);
    expect(rows[0].source_urls).toContain("https://");
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(["source_publishers", "source_titles", "source_urls"]));
  });
});
