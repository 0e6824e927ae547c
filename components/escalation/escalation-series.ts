import { CHANNELS, type Category, type Channel } from "@/lib/domain/taxonomy";
import { joinSeriesAndIndex, type AidIndexRow } from "@/lib/charts/aid-escalation";
import { dayTime } from "./time-axis";

type IndexPoint = { date: string; value: number; components: Record<Channel, number> };

export type IndexRow = { t: number; date: string; value: number } & Record<Channel, number>;

/** Flat rows for Recharts: a numeric time key plus one field per channel. */
export function indexRows(points: readonly IndexPoint[]): IndexRow[] {
  return points.map((p) => ({ t: dayTime(p.date), date: p.date, value: p.value, ...p.components }));
}

export { monthlyMeans } from "@/lib/escalation/monthly-means";

export type { AidIndexRow } from "@/lib/charts/aid-escalation";

/** Aid points by category joined with the index's monthly means (lib/charts/aid-escalation). */
export function joinAidAndIndex(
  aid: readonly { period: string; total: number; byCategory: Record<Category, number> }[],
  index: readonly { period: string; value: number; days: number }[],
): AidIndexRow[] {
  return joinSeriesAndIndex(
    aid.map((a) => ({ period: a.period, total: a.total, ...a.byCategory })),
    index,
  );
}

/** Channels drawn and summed: the selection, or all of them. */
export function activeChannels(subindex: readonly Channel[]): Channel[] {
  return subindex.length ? [...subindex] : [...CHANNELS];
}
