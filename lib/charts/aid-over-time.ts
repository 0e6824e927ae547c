import type { AidTimeseriesDto } from "@/lib/aid/queries";
import { CATEGORIES, CATEGORY_LABELS, type Measure } from "@/lib/domain/taxonomy";
import { chartCsv } from "@/lib/export/chart-csv";
import { sourcesLine } from "@/lib/export/sources";
import { formatDay } from "@/lib/format/dates";
import { CATEGORY_COLORS } from "./category-colors";
import { donorColors, OTHERS_KEY } from "./donor-colors";
import { fxNote } from "./fx-note";
import { MAX_DONOR_SERIES, type AidSplit } from "./split";
import type { ChartDefinition, ChartSeries } from "./types";

/** A period's amounts under each series key (category, or donor code and "OTHERS"), and their total. */
export type AidPeriodRow = { period: string; total: number } & Record<string, number | string>;

export interface AidOverTimeOptions {
  split: AidSplit;
  cumulative: boolean;
  currency: string;
  measure: Measure;
  granularity: "month" | "quarter" | "year";
  /** The view's filter summary line. */
  selection: string;
}

const MEASURE_NOUN: Record<Measure, string> = { allocation: "allocations", commitment: "commitments" };

/**
 * The series of a split: the active categories in their fixed order, or the
 * donors largest first, at most MAX_DONOR_SERIES (the largest ones and "Others").
 */
export function aidSeries(data: AidTimeseriesDto, split: AidSplit): { series: ChartSeries[]; keyOf: (donorCode: string) => string } {
  if (split === "category") {
    const cats = CATEGORIES.filter((c) => data.points.some((p) => p.byCategory[c] !== 0));
    return { series: cats.map((c) => ({ key: c, label: CATEGORY_LABELS[c], color: CATEGORY_COLORS[c] })), keyOf: () => "" };
  }
  const donors = (data.donors ?? []).filter((d) => d.total !== 0);
  const shown = donors.length > MAX_DONOR_SERIES ? donors.slice(0, MAX_DONOR_SERIES - 1) : donors;
  const rest = donors.length - shown.length;
  const keys = new Set(shown.map((d) => d.donorCode));
  const colors = donorColors([...keys, ...(rest ? [OTHERS_KEY] : [])]);
  const series = shown.map((d) => ({ key: d.donorCode, label: d.donorName, color: colors[d.donorCode] }));
  if (rest) series.push({ key: OTHERS_KEY, label: `${rest} other donors`, color: colors[OTHERS_KEY] });
  return { series, keyOf: (code) => (keys.has(code) ? code : OTHERS_KEY) };
}

/** One row per period; cumulative turns flows into running totals per series. */
export function aidPeriodRows(data: AidTimeseriesDto, split: AidSplit, cumulative: boolean): { rows: AidPeriodRow[]; series: ChartSeries[] } {
  const { series, keyOf } = aidSeries(data, split);
  const running: Record<string, number> = Object.fromEntries(series.map((s) => [s.key, 0]));
  const rows = data.points.map((p) => {
    const flow: Record<string, number> = Object.fromEntries(series.map((s) => [s.key, 0]));
    if (split === "category") for (const c of CATEGORIES) flow[c] = p.byCategory[c];
    else for (const [code, v] of Object.entries(p.byDonor ?? {})) flow[keyOf(code)] += v;
    const row: AidPeriodRow = { period: p.period, total: 0 };
    for (const s of series) {
      running[s.key] = cumulative ? running[s.key] + flow[s.key] : flow[s.key];
      row[s.key] = running[s.key];
      row.total += running[s.key];
    }
    return row;
  });
  return { rows, series };
}

/**
 * How donor series are drawn: bars side by side while there is room for them
 * (up to 240 bars: two donors over ten years of months), lines beyond, where
 * the bars would be slivers.
 */
export const donorMarks = (periods: number, series: number): "lines" | "bars" => (periods * series > 240 ? "lines" : "bars");

export interface AidOverTimeDefinition extends ChartDefinition<AidPeriodRow> {
  split: AidSplit;
  cumulative: boolean;
  currency: string;
  /** Stacked bars (flows) or areas (cumulative) by category; lines or grouped bars by donor. */
  marks: "stacked-bars" | "stacked-areas" | "lines" | "bars";
}

/** "Aid over time": amounts per period, stacked by category or one series per donor. */
export function aidOverTimeChart(data: AidTimeseriesDto, o: AidOverTimeOptions): AidOverTimeDefinition {
  // A by-category read cannot be split by donor: draw what the data holds.
  const split: AidSplit = o.split === "donor" && data.donors ? "donor" : "category";
  const { rows, series } = aidPeriodRows(data, split, o.cumulative);
  const measure = MEASURE_NOUN[o.measure];
  const basis = o.cumulative ? "cumulative" : `per ${o.granularity}`;
  const marks = split === "donor" ? donorMarks(rows.length, series.length) : o.cumulative ? "stacked-areas" : "stacked-bars";
  const provenance = { selection: o.selection, dataset: data.dataset.name, asOf: data.dataset.asOf, sources: data.sources };
  const common = { currency: o.currency, measure: data.measure, basis };
  return {
    id: "aid-over-time",
    kind: "timeseries",
    title: `Aid over time${o.cumulative ? " (cumulative)" : ""}${split === "donor" ? ", by donor" : ""}`,
    subtitle: o.selection,
    rows,
    series,
    legend: series.map((s) => ({ label: s.label, color: s.color, shape: marks === "lines" ? "line" : "square" })),
    notes: [`${o.currency}, ${measure} ${o.cumulative ? `per ${o.granularity}, running total` : `per ${o.granularity}`}`],
    sources: sourcesLine({
      sources: data.sources,
      datasetName: data.dataset.name,
      asOf: data.dataset.asOf ? formatDay(data.dataset.asOf) : null,
      note: fxNote(data.fx.rates),
    }),
    csv: () =>
      split === "category"
        ? chartCsv({
            columns: ["period", ...CATEGORIES, "total", "currency", "measure", "basis"],
            rows: rows.map((r) => ({ ...Object.fromEntries(CATEGORIES.map((c) => [c, 0])), ...r, ...common })),
            provenance,
          })
        : chartCsv({
            // Long form, one row per period and donor: a spreadsheet pivots it either way.
            columns: ["period", "donor_code", "donor_name", "amount", "currency", "measure", "basis"],
            rows: rows.flatMap((r) => series.map((s) => ({ period: r.period, donor_code: s.key, donor_name: s.label, amount: r[s.key], ...common }))),
            provenance,
          }),
    empty: rows.every((r) => r.total === 0)
      ? `No ${MEASURE_NOUN[o.measure]} in this selection${data.dataset.measures.length ? ` (${data.dataset.name} holds ${data.dataset.measures.join(" and ")}s)` : ""}.`
      : null,
    split,
    cumulative: o.cumulative,
    currency: o.currency,
    marks,
  };
}
