import { CHANNELS, type Category, type Channel } from "@/lib/domain/taxonomy";
import { dayTime } from "./time-axis";

type IndexPoint = { date: string; value: number; components: Record<Channel, number> };

export type IndexRow = { t: number; date: string; value: number } & Record<Channel, number>;

/** Flat rows for Recharts: a numeric time key plus one field per channel. */
export function indexRows(points: readonly IndexPoint[]): IndexRow[] {
  return points.map((p) => ({ t: dayTime(p.date), date: p.date, value: p.value, ...p.components }));
}

export { monthlyMeans } from "@/lib/escalation/monthly-means";

export type AidIndexRow = {
  period: string;
  /** Null where the aid dataset has no coverage (not the same as zero aid). */
  aid: number | null;
  index: number | null;
  /** Days behind the monthly mean (fewer than the month's length at the edges of the range). */
  indexDays: number;
} & Partial<Record<Category, number>>;

/**
 * One row per month present in either series. Aid months come as the
 * timeseries API gives them (zero-filled inside the dataset's coverage);
 * months outside it stay null so the chart shows "no data" rather than zero.
 */
export function joinAidAndIndex(
  aid: readonly { period: string; total: number; byCategory: Record<Category, number> }[],
  index: readonly { period: string; value: number; days: number }[],
): AidIndexRow[] {
  const rows = new Map<string, AidIndexRow>();
  const row = (period: string) => rows.get(period) ?? rows.set(period, { period, aid: null, index: null, indexDays: 0 }).get(period)!;
  for (const a of aid) Object.assign(row(a.period), { aid: a.total, ...a.byCategory });
  for (const m of index) Object.assign(row(m.period), { index: m.value, indexDays: m.days });
  return [...rows.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
}

/** Channels drawn and summed: the selection, or all of them. */
export function activeChannels(subindex: readonly Channel[]): Channel[] {
  return subindex.length ? [...subindex] : [...CHANNELS];
}
