import { CATEGORIES, type Category } from "@/lib/domain/taxonomy";
import { periodOf, periodsBetween, type PeriodGranularity } from "@/lib/aid/periods";

/**
 * Pure aggregation of aid figures that are already in one currency and one
 * measure (the caller filters by measure and converts; nothing here adds
 * unlike measures or currencies).
 */
export interface AmountRow {
  donorCode: string;
  date: Date;
  category: Category;
  amount: number;
}

export type CategoryAmounts = Record<Category, number>;

export function emptyCategories(): CategoryAmounts {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as CategoryAmounts;
}

export interface DonorTotal {
  donorCode: string;
  total: number;
  byCategory: CategoryAmounts;
}

export interface AidSummary {
  total: number;
  byCategory: CategoryAmounts;
  byDonor: DonorTotal[];
  recordCount: number;
}

export function summariseAid(rows: AmountRow[]): AidSummary {
  const byCategory = emptyCategories();
  const donors = new Map<string, DonorTotal>();
  let total = 0;
  for (const r of rows) {
    total += r.amount;
    byCategory[r.category] += r.amount;
    const d = donors.get(r.donorCode) ?? { donorCode: r.donorCode, total: 0, byCategory: emptyCategories() };
    d.total += r.amount;
    d.byCategory[r.category] += r.amount;
    donors.set(r.donorCode, d);
  }
  const byDonor = [...donors.values()].sort((a, b) => b.total - a.total || a.donorCode.localeCompare(b.donorCode));
  return { total, byCategory, byDonor, recordCount: rows.length };
}

export interface TimeseriesPoint {
  period: string;
  total: number;
  byCategory: CategoryAmounts;
  /** Per donor code, when asked for (`byDonor`); donors without aid in the period are absent. */
  byDonor?: Record<string, number>;
}

/**
 * One point per period between `start` and `end` (or the data's own span when
 * not given), periods without aid present as zero.
 */
export function aggregateTimeseries(
  rows: AmountRow[],
  granularity: PeriodGranularity,
  span?: { start?: Date; end?: Date },
  opts: { byDonor?: boolean } = {},
): TimeseriesPoint[] {
  const dates = rows.map((r) => r.date.getTime());
  const start = span?.start ?? (dates.length ? new Date(Math.min(...dates)) : undefined);
  const end = span?.end ?? (dates.length ? new Date(Math.max(...dates)) : undefined);
  if (!start || !end || start > end) return [];
  const points = new Map<string, TimeseriesPoint>(
    periodsBetween(start, end, granularity).map((p) => [p, { period: p, total: 0, byCategory: emptyCategories(), ...(opts.byDonor ? { byDonor: {} } : {}) }]),
  );
  for (const r of rows) {
    const point = points.get(periodOf(r.date, granularity));
    if (!point) continue;
    point.total += r.amount;
    point.byCategory[r.category] += r.amount;
    if (point.byDonor) point.byDonor[r.donorCode] = (point.byDonor[r.donorCode] ?? 0) + r.amount;
  }
  return [...points.values()];
}
