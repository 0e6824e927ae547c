import type { AidTimeseriesDto } from "@/lib/aid/queries";
import type { LegendItem } from "@/lib/export/compose-chart-svg";
import { aidPeriodRows, donorMarks, type AidPeriodRow } from "./aid-over-time";
import { INDEX_COLOR } from "./category-colors";
import type { AidSplit } from "./split";
import type { ChartSeries } from "./types";

/** A month of "Aid and escalation": aid under each series key, its total, and the index's monthly mean. */
export type AidIndexRow = {
  period: string;
  /** Null where the aid dataset has no coverage (not the same as zero aid). */
  aid: number | null;
  index: number | null;
  /** Days behind the monthly mean (fewer than the month's length at the edges of the range). */
  indexDays: number;
  [series: string]: number | string | null;
};

/**
 * One row per month present in either series. Aid months come as the
 * timeseries API gives them (zero-filled inside the dataset's coverage);
 * months outside it stay null so the chart shows "no data" rather than zero.
 */
export function joinSeriesAndIndex(aid: readonly AidPeriodRow[], index: readonly { period: string; value: number; days: number }[]): AidIndexRow[] {
  const rows = new Map<string, AidIndexRow>();
  const row = (period: string) => rows.get(period) ?? rows.set(period, { period, aid: null, index: null, indexDays: 0 }).get(period)!;
  for (const { period, total, ...values } of aid) Object.assign(row(period), values, { aid: total });
  for (const m of index) Object.assign(row(m.period), { index: m.value, indexDays: m.days });
  return [...rows.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
}

export type AidMarks = "stacked-bars" | "lines" | "bars";

/** Monthly aid split like "Aid over time" (by category, stacked; or per donor), joined with the index's monthly means. */
export function aidEscalationRows(
  aid: AidTimeseriesDto,
  index: readonly { period: string; value: number; days: number }[],
  split: AidSplit,
): { rows: AidIndexRow[]; series: ChartSeries[]; marks: AidMarks; split: AidSplit } {
  const effective: AidSplit = split === "donor" && aid.donors ? "donor" : "category";
  const { rows, series } = aidPeriodRows(aid, effective, false);
  return {
    rows: joinSeriesAndIndex(rows, index),
    series,
    marks: effective === "donor" ? donorMarks(rows.length, series.length) : "stacked-bars",
    split: effective,
  };
}

/** The chart's key, on screen and in the export. */
export function aidEscalationLegend(series: readonly ChartSeries[], currency: string, marks: AidMarks): LegendItem[] {
  return [
    ...series.map((s): LegendItem => ({ label: `${s.label} aid (${currency}, left axis)`, color: s.color, shape: marks === "lines" ? "line" : "square" })),
    { label: "Escalation index, monthly mean (right axis)", color: INDEX_COLOR, shape: "line" },
  ];
}
