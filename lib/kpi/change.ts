import { addMonths, format, parseISO, startOfMonth, subDays } from "date-fns";
import { previousPeriod } from "@/lib/filters/date-presets";
import { effectiveRange } from "@/lib/filters/effective-range";

export type DayRange = { from: string; to: string };
type Span = { from: string | null; to: string | null };

/**
 * What the "change" KPI compares, for the dashboard's tile and the slide's
 * strip alike (one rule, so the two surfaces cannot disagree):
 *
 * 1. The view's range against the equal-length period just before it, when
 *    the data reaches into that period ("previous-period").
 * 2. Otherwise (the view starts where the data starts, e.g. no range at all,
 *    or 2022–2023 on data that begins in 2022) the last 12 whole months of the
 *    range against the 12 months before them, when the range holds all 24
 *    ("last-12-months"). Twelve against twelve because aid is announced in
 *    yearly packages and budget cycles: a shorter window swings with single
 *    announcements. Both years must lie inside the range (and so inside the
 *    data): a year compared with a partly covered year would show a rise that
 *    is only missing data.
 * 3. Otherwise nothing: the tile says there is no earlier period to compare.
 */
export interface ChangePlan {
  basis: "previous-period" | "last-12-months";
  current: DayRange;
  previous: DayRange;
  /** True when `current` is the view's own range, so the view's summary serves as the current total. */
  currentIsView: boolean;
}

const iso = (d: Date) => format(d, "yyyy-MM-dd");

/** The 12 whole months ending with the range's last month, and the 12 before, when the range holds both. */
export function lastTwelveMonths(range: DayRange): { last: DayRange; before: DayRange } | null {
  const lastFrom = startOfMonth(addMonths(parseISO(range.to), -11));
  const beforeFrom = addMonths(lastFrom, -12);
  if (iso(beforeFrom) < range.from) return null;
  return { last: { from: iso(lastFrom), to: range.to }, before: { from: iso(beforeFrom), to: iso(subDays(lastFrom, 1)) } };
}

export function changePlan(filters: Span, coverage: Span | undefined): ChangePlan | null {
  const range = effectiveRange(filters, coverage);
  if (!range) return null;
  const previous = previousPeriod(range.from, range.to);
  if (coverage?.from && previous.to >= coverage.from) return { basis: "previous-period", current: range, previous, currentIsView: true };
  const twelve = lastTwelveMonths(range);
  return twelve ? { basis: "last-12-months", current: twelve.last, previous: twelve.before, currentIsView: false } : null;
}

/** Relative change, or null when there is nothing to divide by. */
export function relativeChange(current: number, previous: number): number | null {
  return previous > 0 ? current / previous - 1 : null;
}

export interface ChangeKpi {
  label: string;
  /** The relative change; null when it cannot be computed (shown as "–"). */
  value: number | null;
  detail: string;
}

/**
 * The tile's words and number from a plan and the two totals (undefined while
 * they load). Formatting is passed in so this stays free of locale choices.
 */
export function changeKpi(
  plan: ChangePlan | null,
  totals: { current: number | undefined; previous: number | undefined },
  fmt: { money: (n: number) => string; day: (iso: string) => string },
): ChangeKpi {
  if (!plan) return { label: "Change vs previous period", value: null, detail: "No data for the equal-length period before" };
  const label = plan.basis === "last-12-months" ? "Change, last 12 months" : "Change vs previous period";
  const { current, previous } = totals;
  if (current === undefined || previous === undefined) return { label, value: null, detail: "" };
  const before = plan.basis === "last-12-months" ? "the 12 months before" : "the period before";
  return {
    label,
    value: relativeChange(current, previous),
    detail: `${fmt.money(current)} in ${fmt.day(plan.current.from)} – ${fmt.day(plan.current.to)} vs ${fmt.money(previous)} in ${before}`,
  };
}
