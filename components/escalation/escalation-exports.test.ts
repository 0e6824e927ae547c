import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CHANNEL_COLORS, INDEX_COLOR } from "@/components/charts/palette";
import type { EscalationSeriesDto } from "@/lib/query-keys";
import type { SourceDto } from "@/lib/sources/dto";
import { aidEscalationExportSpec, escalationExportSpec, escalationLegend } from "./escalation-exports";
import { joinAidAndIndex, monthlyMeans } from "./escalation-series";

const zero = { nuclear: 0, conventional: 0, western_support: 0, third_country: 0, de_escalation: 0 };
const src = (id: string, publisher: string): SourceDto => ({
  id,
  publisher,
  title: `T ${id}`,
  url: `https://example.org/${id}`,
  publishedAt: null,
  releaseLabel: null,
});

type Marker = EscalationSeriesDto["events"][number];
const event = (id: string, date: string, channel: Marker["channel"], sources: SourceDto[], actors: string[] = []) =>
  ({
    id,
    date,
    title: `Event ${id}`,
    summary: "",
    actors,
    type: "x",
    typeLabel: "X",
    channel,
    severity: 3,
    confidence: "confirmed",
    sources,
  }) as unknown as Marker;

const series = (channels: Marker["channel"][] = ["nuclear", "conventional", "western_support", "third_country", "de_escalation"]) =>
  ({
    params: { from: "2024-01-30", to: "2024-02-02", halfLifeDays: 30, channels },
    scale: { factor: 2, reference: "100 = highest 30-day trailing mean of the headline index in 2022", scaled: true },
    points: ["2024-01-30", "2024-01-31", "2024-02-01", "2024-02-02"].map((date, i) => ({
      date,
      value: i * 10,
      components: { ...zero, nuclear: i * 4, conventional: i * 6 },
    })),
    events: [
      event("e1", "2024-01-31", "nuclear", [src("a", "Reuters"), src("b", "Associated Press (via KSL)")], ["RUS", "USA"]),
      event("e2", "2024-01-31", "conventional", [src("a", "Reuters")], ["RUS"]),
      event("e3", "2024-02-02", "third_country", [src("c", "The Kyiv Independent")]),
    ],
    eventCount: 44,
    method: "/api/escalation/method",
  }) as unknown as EscalationSeriesDto;

describe("escalation exports past the last curated event", () => {
  const past = () =>
    ({ ...series(), params: { ...series().params, to: "2024-03-01" }, coverageEnd: "2024-02-02", methodVersion: "2.0" }) as unknown as EscalationSeriesDto;

  it("name the coverage end and method version in the sources line, and key the shaded span", () => {
    const spec = escalationExportSpec({ data: past(), channels: ["nuclear"], selection: "Sel", figure: () => null });
    expect(spec.sources).toMatch(/^Escalation index: 44 curated events to 2 Feb 2024 \(3 in this range\), method at \/method \(version 2\.0\);/);
    expect(spec.legend!.at(-1)).toMatchObject({
      label: "Shaded, dashed line: no curated events after 2 Feb 2024 (the index only decays there)",
      shape: "square",
    });
  });

  it("add no shade key when the range ends at the coverage end", () => {
    const spec = escalationExportSpec({
      data: { ...past(), coverageEnd: "2024-03-01" } as EscalationSeriesDto,
      channels: ["nuclear"],
      selection: "Sel",
      figure: () => null,
    });
    expect(spec.legend!.some((l) => l.label.startsWith("Shaded"))).toBe(false);
  });
});

describe("escalation index export", () => {
  it("has the on-screen key: headline, each sub-index line with its marker shape, the hollow-marker rule", () => {
    const all = escalationLegend(["nuclear", "conventional", "western_support", "third_country", "de_escalation"]);
    expect(all[0]).toEqual({ label: "Escalation index", color: INDEX_COLOR, shape: "line" });
    expect(all[1]).toEqual({ label: "Nuclear signalling & doctrine ●", color: CHANNEL_COLORS.nuclear, shape: "line" });
    expect(all.at(-1)!.label).toContain("hollow");
    const one = escalationLegend(["conventional"]);
    expect(one[0].label).toBe("Escalation index (selected sub-indices)");
    expect(one[1]).toMatchObject({ color: CHANNEL_COLORS.conventional, shape: "square" });
  });

  it("writes the method and every publisher in the sources line, and a CSV row per day with its events' sources", () => {
    const spec = escalationExportSpec({ data: series(), channels: ["nuclear", "conventional"], selection: "Sel", figure: () => null });
    expect(spec.kind).toBe("timeseries");
    expect(spec.sources).toMatch(
      /^Escalation index: 44 curated events \(3 in this range\), method at \/method; half-life 30 days; 100 = 2022 peak 30-day mean/,
    );
    expect(spec.sources).toContain("Sources: Reuters – T a; Associated Press (via KSL) – T b; The Kyiv Independent – T c.");
    const rows = parse(spec.csv(), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([
      "date",
      "index",
      "nuclear",
      "conventional",
      "half_life_days",
      "scale",
      "event_ids",
      "events",
      "event_actors",
      "event_channels",
      "event_confidence",
      "selection",
      "dataset",
      "data_as_of",
      "source_publishers",
      "source_titles",
      "source_urls",
    ]);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatchObject({
      date: "2024-01-31",
      index: "10",
      nuclear: "4",
      event_ids: "e1 | e2",
      event_actors: "RUS USA | RUS",
      source_urls: "https://example.org/a | https://example.org/b",
    });
    expect(rows[0]).toMatchObject({ event_ids: "", event_actors: "", source_urls: "" });
  });
});

describe("aid and escalation export", () => {
  const aid = {
    measure: "allocation",
    dataset: { name: "Kiel tracker", asOf: "2026-04-01" },
    sources: [src("k", "Kiel Institute for the World Economy")],
    points: [{ period: "2024-01", total: 5, byCategory: { military: 5, financial: 0, humanitarian: 0, unspecified: 0 } }],
  };

  it("keys categories and the index line, names both datasets' sources, one CSV row per month", () => {
    const data = series(["nuclear", "third_country"]);
    const rows = joinAidAndIndex(aid.points, monthlyMeans(data.points));
    const spec = aidEscalationExportSpec({
      rows,
      aidSeries: [{ key: "military", label: "Military", color: "#0072b2" }],
      marks: "stacked-bars",
      currency: "EUR",
      aid,
      series: data,
      selection: "Sel",
      aidRange: "2024-01 to 2024-01",
      figure: () => null,
    });
    expect(spec.legend!.map((l) => l.label)).toEqual(["Military aid (EUR, left axis)", "Escalation index, monthly mean (right axis)"]);
    expect(spec.sources).toContain("Aid sources: Kiel Institute for the World Economy – T k.");
    // Only the selected sub-indices' events: e2 (conventional) is not behind the line.
    expect(spec.sources).toContain("Index sources: Reuters – T a; Associated Press (via KSL) – T b; The Kyiv Independent – T c.");
    const csv = parse(spec.csv(), { columns: true }) as Record<string, string>[];
    expect(csv.map((r) => [r.month, r.military, r.aid_total, r.index_monthly_mean])).toEqual([
      ["2024-01", "5", "5", "5"],
      ["2024-02", "", "", "25"],
    ]);
    expect(csv[0].index_events_in_month).toBe("Event e1");
    expect(csv[0].source_publishers).toBe("Kiel Institute for the World Economy | Reuters | Associated Press (via KSL)");
    expect(csv[1].source_publishers).toBe("The Kyiv Independent");
  });
});

describe("escalation CSV and spreadsheet formulas", () => {
  it("neutralises formula text in event titles and sources, and keeps negative index values as numbers", () => {
    const data = series(["nuclear", "de_escalation"]);
    data.events[0] = { ...data.events[0], title: '=HYPERLINK("https://evil.example","x")' } as (typeof data.events)[0];
    data.events[0].sources = [{ ...src("a", "=cmd|' /C calc'!A0"), title: "@SUM(A1)" }];
    data.points[1] = { ...data.points[1], components: { ...zero, de_escalation: -3 } };
    const spec = escalationExportSpec({ data, channels: ["nuclear", "de_escalation"], selection: "+Sel", figure: () => null });
    const rows = parse(spec.csv(), { columns: true }) as Record<string, string>[];
    expect(rows[1].events).toMatch(/^'=HYPERLINK/);
    expect(rows[1].source_publishers).toMatch(/^'=cmd/);
    expect(rows[1].source_titles).toMatch(/^'@SUM/);
    expect(rows[1].selection).toBe("'+Sel");
    expect(rows[1].de_escalation).toBe("-3");
  });
});
