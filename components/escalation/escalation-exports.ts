import type { ChartExportSpec } from "@/components/export/types";
import { CHANNEL_COLORS, INDEX_COLOR } from "@/components/charts/palette";
import { CATEGORIES, CHANNEL_LABELS, type Channel } from "@/lib/domain/taxonomy";
import type { LegendItem, MeasureText } from "@/lib/export/compose-chart-svg";
import { EXPORT_SIZES, type ExportKind } from "@/lib/export/sizes";
import { EXPORT_STYLE } from "@/lib/export/compose-chart-svg";
import { fitSourcesLine } from "@/lib/export/fit-sources";
import { rowSourcedCsv } from "@/lib/export/row-sources-csv";
import type { EscalationSeriesDto } from "@/lib/query-keys";
import type { SourceDto } from "@/lib/sources/dto";
import { distinctSources } from "@/lib/sources/dto";
import type { AidIndexRow } from "./escalation-series";
import { aidEscalationLegend, type AidMarks } from "@/lib/charts/aid-escalation";
import type { ChartSeries } from "@/lib/charts/types";
import { UNCOVERED_FILL, uncoveredSpan } from "./coverage";
import { formatDay } from "@/lib/format/dates";

/** The key entry for a shaded span after the last curated event, given the span's label. */
export function uncoveredKey(label: string): LegendItem {
  return { label: `Shaded, dashed line: ${label} (the index only decays there)`, color: UNCOVERED_FILL, shape: "square" };
}

/** A key entry for the shaded span after the last curated event, when the range reaches past it. */
export function uncoveredLegendItem(data: Pick<EscalationSeriesDto, "params" | "coverageEnd">): LegendItem[] {
  // Undefined (a payload from before coverageEnd existed): unknown, so no claim either way.
  if (data.coverageEnd === undefined) return [];
  const span = uncoveredSpan(data.params, data.coverageEnd);
  return span ? [uncoveredKey(span.label)] : [];
}

/** " to 1 Jun 2025" and "method at /method (version 2.0)": how far the events reach and which method made the figure. */
const coverageText = (data: EscalationSeriesDto) => `${data.coverageEnd ? ` to ${formatDay(data.coverageEnd)}` : ""}`;
const methodText = (data: EscalationSeriesDto) => `method at ${METHOD_PATH}${data.methodVersion ? ` (version ${data.methodVersion})` : ""}`;

/** Exported charts are drawn this much smaller than the image and scaled up, so 12 px screen type reads as 15 px. */
export const EXPORT_ZOOM = 1.25;

/** Where the app explains the index (the exports name it; the page is /method). */
export const METHOD_PATH = "/method";

/** Each channel's marker shape (components/escalation/marker-shapes), as a character for the image's legend. */
export const CHANNEL_GLYPHS: Record<Channel, string> = {
  nuclear: "●",
  conventional: "■",
  western_support: "▲",
  third_country: "◆",
  de_escalation: "▼",
};

/** The wrap width of an export's footer at its canonical size. */
export const footerWidth = (kind: ExportKind) => EXPORT_SIZES[kind].width - 2 * EXPORT_STYLE.padding;

/**
 * The escalation chart's key, as on screen (components/escalation/escalation-legend):
 * the headline line, each selected sub-index (its thin line when more than one
 * is drawn) with its marker shape, and what a hollow marker means.
 */
export function escalationLegend(channels: readonly Channel[]): LegendItem[] {
  const lines = channels.length > 1;
  return [
    { label: `Escalation index${channels.length < 5 ? " (selected sub-indices)" : ""}`, color: INDEX_COLOR, shape: "line" },
    ...channels.map((c): LegendItem => ({
      label: `${CHANNEL_LABELS[c]} ${CHANNEL_GLYPHS[c]}`,
      color: CHANNEL_COLORS[c],
      shape: lines ? "line" : c === "nuclear" ? "dot" : "square",
    })),
    // The image's key has no hollow shapes: the rule is said in words, after a blank swatch.
    { label: "Markers above the plot are events; hollow ones (○ □ △ ◇ ▽) are reported or disputed", color: "#ffffff", shape: "square" },
  ];
}

/** The sources the escalation chart's footer names: those of the events it marks. */
export function escalationSources(data: EscalationSeriesDto): SourceDto[] {
  return distinctSources(data.events.flatMap((e) => e.sources));
}

const scaleText = (data: EscalationSeriesDto) => (data.scale.scaled ? "100 = 2022 peak 30-day mean" : `scale: ${data.scale.reference}`);

/** The index's method note, from the fullest wording to the shortest (the footer takes the first that fits). */
export function escalationLeads(data: EscalationSeriesDto, { monthly = false } = {}): string[] {
  const h = data.params.halfLifeDays;
  const what = monthly ? "Escalation index (monthly mean of the daily index)" : "Escalation index";
  return [
    `${what}: ${data.eventCount} curated events${coverageText(data)} (${data.events.length} in this range), ${methodText(data)}; half-life ${h} days; ${scaleText(data)}; events before the range still count, fading with the half-life`,
    `${what}: ${data.eventCount} curated events${coverageText(data)}, ${methodText(data)}; half-life ${h} days; ${scaleText(data)}`,
    `${what}: ${data.eventCount} curated events${coverageText(data)}, ${methodText(data)}`,
  ];
}

export function escalationDatasetName(data: EscalationSeriesDto): string {
  return `Curated escalation events (${data.eventCount}), half-life ${data.params.halfLifeDays} days, method ${METHOD_PATH}`;
}

/**
 * The daily escalation chart's export: its own drawing (line, sub-index lines
 * and the event track) with the key, the full sources line, and a CSV of every
 * day with the sub-indices drawn and that day's events and their sources.
 * `data` is what the chart shows (events of the selected channels only).
 */
export function escalationExportSpec({
  data,
  channels,
  selection,
  measure,
  figure,
}: {
  data: EscalationSeriesDto;
  channels: readonly Channel[];
  selection: string;
  measure?: MeasureText;
  /** The chart drawn for the image; without one, the frame's own drawing is used. */
  figure: ChartExportSpec["figure"];
}): ChartExportSpec {
  const kind: ExportKind = "timeseries";
  const sources = escalationSources(data);
  const eventsByDate = new Map<string, EscalationSeriesDto["events"]>();
  for (const e of data.events) eventsByDate.set(e.date, [...(eventsByDate.get(e.date) ?? []), e]);
  return {
    kind,
    name: "escalation-index",
    legend: [...escalationLegend(channels), ...uncoveredLegendItem(data)],
    figure,
    sources: fitSourcesLine({ leads: escalationLeads(data), sections: [{ sources }], width: footerWidth(kind), measure }).text,
    csv: () =>
      rowSourcedCsv({
        columns: ["date", "index", ...channels, "half_life_days", "scale", "event_ids", "events", "event_actors", "event_channels", "event_confidence"],
        rows: data.points.map((p) => {
          const events = eventsByDate.get(p.date) ?? [];
          return {
            values: {
              date: p.date,
              index: p.value,
              ...Object.fromEntries(channels.map((c) => [c, p.components[c]])),
              half_life_days: data.params.halfLifeDays,
              scale: data.scale.reference,
              event_ids: events.map((e) => e.id).join(" | "),
              events: events.map((e) => e.title).join(" | "),
              // Codes never hold a space, so each event's actors are space-separated inside its " | " slot.
              event_actors: events.map((e) => e.actors.join(" ")).join(" | "),
              event_channels: events.map((e) => e.channel).join(" | "),
              event_confidence: events.map((e) => e.confidence).join(" | "),
            },
            sources: events.flatMap((e) => e.sources),
          };
        }),
        selection,
        dataset: escalationDatasetName(data),
      }),
  };
}

/**
 * Monthly aid and the index's monthly mean. The sources line names the aid
 * dataset's sources and the index's events' sources; each CSV row carries the
 * aid sources plus those of the events dated in its month.
 */
export function aidEscalationExportSpec({
  rows,
  aidSeries,
  marks,
  currency,
  aid,
  series: allSeries,
  selection,
  fxNote,
  aidRange,
  measure,
  figure,
}: {
  rows: AidIndexRow[];
  /** The aid series drawn (categories, or donors) and how (lib/charts/aid-escalation). */
  aidSeries: readonly ChartSeries[];
  marks: AidMarks;
  currency: string;
  aid: { measure: string; dataset: { name: string; asOf: string | null }; sources: SourceDto[] };
  series: EscalationSeriesDto;
  selection: string;
  fxNote?: string;
  aidRange: string;
  measure?: MeasureText;
  figure: ChartExportSpec["figure"];
}): ChartExportSpec {
  const kind: ExportKind = "timeseries";
  // By category: every category's column, as before; by donor: one column per drawn donor (codes, "OTHERS").
  const donorSplit = !aidSeries.some((s) => (CATEGORIES as readonly string[]).includes(s.key));
  const keys: string[] = donorSplit ? aidSeries.map((s) => s.key) : [...CATEGORIES];
  // Only the selected sub-indices' events move the line.
  const series = { ...allSeries, events: allSeries.events.filter((e) => allSeries.params.channels.includes(e.channel)) };
  const indexSources = escalationSources(series);
  const eventsByMonth = new Map<string, EscalationSeriesDto["events"]>();
  for (const e of series.events) eventsByMonth.set(e.date.slice(0, 7), [...(eventsByMonth.get(e.date.slice(0, 7)) ?? []), e]);
  const asOf = aid.dataset.asOf ? ` as of ${aid.dataset.asOf}` : "";
  const aidLeads = [
    `Aid: ${aid.dataset.name}${asOf ? `,${asOf}` : ""}; months covered ${aidRange}, months outside show no bar (no data, not zero)`,
    `Aid data${asOf}: months covered ${aidRange}`,
    `Aid data${asOf}`,
  ];
  const leads = escalationLeads(series, { monthly: true }).map((l, i) => `${aidLeads[i]}. ${l}`);
  return {
    kind,
    name: "aid-and-escalation",
    legend: [...aidEscalationLegend(aidSeries, currency, marks), ...uncoveredLegendItem(allSeries)],
    figure,
    sources: fitSourcesLine({
      leads,
      sections: [
        { label: "Aid", sources: aid.sources },
        { label: "Index", sources: indexSources },
      ],
      note: fxNote,
      width: footerWidth(kind),
      measure,
    }).text,
    csv: () =>
      rowSourcedCsv({
        columns: ["month", ...keys, "aid_total", "currency", "measure", "index_monthly_mean", "index_days", "half_life_days", "index_events_in_month"],
        rows: rows.map((r) => {
          const events = eventsByMonth.get(r.period) ?? [];
          return {
            values: {
              month: r.period,
              ...Object.fromEntries(keys.map((c) => [c, r.aid === null ? "" : (r[c] ?? 0)])),
              aid_total: r.aid ?? "",
              currency,
              measure: aid.measure,
              index_monthly_mean: r.index ?? "",
              index_days: r.indexDays || "",
              half_life_days: series.params.halfLifeDays,
              index_events_in_month: events.map((e) => e.title).join(" | "),
            },
            sources: [...(r.aid === null ? [] : aid.sources), ...events.flatMap((e) => e.sources)],
          };
        }),
        selection,
        dataset: `${aid.dataset.name}; ${escalationDatasetName(series)}`,
        asOf: aid.dataset.asOf,
      }),
  };
}
