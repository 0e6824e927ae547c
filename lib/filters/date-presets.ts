import { addDays, addMonths, endOfMonth, format, parseISO, startOfMonth } from "date-fns";

export interface DatePreset {
  id: string;
  label: string;
  from: string | null;
  to: string | null;
}

const iso = (d: Date) => format(d, "yyyy-MM-dd");

/** Presets for a dataset's coverage: all data, since the invasion, the last 12 months of data, each calendar year. */
export function datePresets(coverage: { from: string | null; to: string | null } | undefined): DatePreset[] {
  const out: DatePreset[] = [
    { id: "all", label: "All data", from: null, to: null },
    { id: "invasion", label: "Since 24 Feb 2022", from: "2022-02-24", to: null },
  ];
  if (coverage?.to) {
    const end = parseISO(coverage.to);
    out.push({ id: "last12", label: "Last 12 months of data", from: iso(startOfMonth(addMonths(end, -11))), to: null });
  }
  if (coverage?.from && coverage?.to) {
    for (let y = parseISO(coverage.from).getFullYear(); y <= parseISO(coverage.to).getFullYear(); y++) {
      out.push({ id: String(y), label: String(y), from: `${y}-01-01`, to: `${y}-12-31` });
    }
  }
  return out;
}

export function matchPreset(presets: DatePreset[], from: string | null, to: string | null): string {
  return presets.find((p) => p.from === from && p.to === to)?.id ?? "custom";
}

/**
 * The equal-length period just before [from, to], for "change versus previous
 * period". Whole calendar months shift by months (a year compares with the
 * year before, leap or not); other ranges shift by their length in days.
 */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const a = parseISO(from);
  const b = parseISO(to);
  const day = 86_400_000;
  const prevDay = new Date(a.getTime() - day);
  if (a.getDate() === 1 && addDays(b, 1).getDate() === 1) {
    const months = (b.getFullYear() - a.getFullYear()) * 12 + (b.getMonth() - a.getMonth()) + 1;
    return { from: iso(addMonths(a, -months)), to: iso(prevDay) };
  }
  const len = Math.round((b.getTime() - a.getTime()) / day) + 1;
  return { from: iso(new Date(a.getTime() - len * day)), to: iso(prevDay) };
}

export interface ChangeWindows {
  current: { from: string; to: string };
  previous: { from: string; to: string };
  /** How the tile names the comparison. */
  label: string;
  /** True when the view has no range of its own and the last 12 months of data stand in. */
  trailing: boolean;
}

/**
 * The two windows the "change" KPI compares: the view's range against the
 * equal-length period before it; a view without a range compares the last 12
 * months of data with the 12 months before them (an all-time total has no
 * "previous period").
 */
export function changeWindows(
  f: { from: string | null; to: string | null },
  coverage: { from: string | null; to: string | null } | undefined,
): ChangeWindows | null {
  if (!f.from && !f.to) {
    if (!coverage?.to) return null;
    const end = endOfMonth(parseISO(coverage.to));
    const current = { from: iso(startOfMonth(addMonths(end, -11))), to: iso(end) };
    return { current, previous: previousPeriod(current.from, current.to), label: "Last 12 months of data vs the 12 before", trailing: true };
  }
  const from = f.from ?? coverage?.from ?? null;
  const to = f.to ?? (coverage?.to ? iso(endOfMonth(parseISO(coverage.to))) : null);
  if (!from || !to || from > to) return null;
  return { current: { from, to }, previous: previousPeriod(from, to), label: "Change vs previous period", trailing: false };
}
