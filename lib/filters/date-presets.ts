import { addDays, addMonths, differenceInCalendarMonths, format, parseISO, startOfMonth } from "date-fns";
import { addIsoDays, isoDaysBetween } from "@/lib/dates/iso-day";

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
  const dayBefore = addIsoDays(from, -1);
  if (a.getDate() === 1 && addDays(b, 1).getDate() === 1) {
    const months = differenceInCalendarMonths(b, a) + 1;
    return { from: iso(addMonths(a, -months)), to: dayBefore };
  }
  return { from: addIsoDays(from, -(isoDaysBetween(from, to) + 1)), to: dayBefore };
}
