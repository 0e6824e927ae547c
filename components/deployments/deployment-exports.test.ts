import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { DeploymentDto } from "@/lib/deployments/queries";
import { personnelExportSpec, statusLegend, timelineExportSpec } from "./deployment-exports";
import { personnelRows } from "./personnel-series";

const src = (id: string, publisher: string) => ({ id, publisher, title: `T ${id}`, url: `https://example.org/${id}`, publishedAt: null, releaseLabel: null });

function dep(id: string, date: string, low: number | null, high: number | null, extra: Partial<DeploymentDto> = {}): DeploymentDto {
  return {
    id,
    date,
    deployingCountry: "PRK",
    hostCountry: "RUS",
    location: "Kursk Oblast",
    forceType: "troops",
    personnelLow: low,
    personnelHigh: high,
    status: "reported",
    notes: null,
    sources: [src(`s-${id}`, "Agency")],
    ...extra,
  };
}

const items = [
  dep("a", "2024-10-18", 1500, 12000, { status: "confirmed", sources: [src("x", "Reuters (via Geo News)"), src("y", "NK News")] }),
  dep("b", "2024-10-23", 3000, null),
  dep("c", "2024-11-01", null, null, { forceType: "munitions", location: "Rason" }),
  dep("d", "2025-06-17", 1000, 1000, { forceType: "engineers" }),
];

describe("deployment timeline export", () => {
  it("keys the statuses as on screen and lists every report with its own sources", () => {
    expect(statusLegend().map((l) => l.label)).toEqual([
      "Reported (hollow circle): media or intelligence reports, unconfirmed",
      "Confirmed (dot): confirmed by a third government",
      "Acknowledged (square): acknowledged by the deploying or host state",
      "Denied (cross): denied by the states involved",
    ]);
    const spec = timelineExportSpec({ items, domain: { from: "2024-09-18", to: "2025-07-17" }, selection: "Sel", figure: () => null });
    expect(spec.kind).toBe("timeline");
    expect(spec.sources).toContain("Data: Curated deployment reports, 4 reports from 2024-09-18 to 2025-07-17 (North Korea)");
    expect(spec.sources).toContain("Reuters (via Geo News) – T x; NK News – T y; Agency – T s-b");
    const rows = parse(spec.csv(), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ id: "a", deploying_country_name: "North Korea", personnel_low: "1500", personnel_high: "12000", status: "confirmed" });
    expect(rows[0].source_urls).toBe("https://example.org/x | https://example.org/y");
    expect(rows[2]).toMatchObject({ id: "c", personnel_low: "", location: "Rason", source_publishers: "Agency" });
  });
});

describe("personnel band export", () => {
  it("has one row per report with a combat-troop figure, its bound, location and sources", () => {
    const rows = personnelRows(items, "PRK");
    const spec = personnelExportSpec({ rows, items, country: "PRK", range: { from: null, to: null }, selection: "Sel", figure: () => null });
    expect(spec.name).toBe("deployment-personnel-North Korea");
    expect(spec.legend!.map((l) => l.label)).toContain("Low–high range (reports giving both figures)");
    expect(spec.sources).toContain("2 reports from North Korea");
    // Only the band's reports' sources: the engineers' contingent is not in it.
    expect(spec.sources).toContain("Sources: Reuters (via Geo News) – T x; NK News – T y; Agency – T s-b.");
    const csv = parse(spec.csv(), { columns: true }) as Record<string, string>[];
    expect(csv.map((r) => [r.date, r.low, r.high, r.bound, r.status, r.location])).toEqual([
      ["2024-10-18", "1500", "12000", "range", "confirmed", "Kursk Oblast"],
      ["2024-10-23", "3000", "", "at least", "reported", "Kursk Oblast"],
    ]);
    expect(csv[1].source_urls).toBe("https://example.org/s-b");
  });
});

describe("deployment CSV and spreadsheet formulas", () => {
  it("neutralises formula text in locations, notes and sources; numbers stay numbers", () => {
    const hostile = dep("h", "2024-10-18", 1500, 12000, {
      location: "=cmd|' /C calc'!A0",
      notes: "\t=1+1",
      sources: [src("-2+3", "@evil")],
    });
    const spec = timelineExportSpec({ items: [hostile], domain: { from: "2024-09-18", to: "2025-07-17" }, selection: "Sel", figure: () => null });
    const [row] = parse(spec.csv(), { columns: true }) as Record<string, string>[];
    expect(row.location).toBe("'=cmd|' /C calc'!A0");
    expect(row.notes).toBe("'\t=1+1");
    expect(row.source_publishers).toBe("'@evil");
    expect(row.source_urls).toBe("https://example.org/-2+3");
    expect(row.personnel_low).toBe("1500");
  });
});
