import { endOfMonth, format, parseISO } from "date-fns";

/**
 * The concrete date range a view covers: the filter's own bounds, else the
 * dataset's coverage (a monthly dataset's last row covers its whole month).
 */
export function effectiveRange(
  f: { from: string | null; to: string | null },
  coverage: { from: string | null; to: string | null } | undefined,
): { from: string; to: string } | null {
  const from = f.from ?? coverage?.from ?? null;
  const to = f.to ?? (coverage?.to ? format(endOfMonth(parseISO(coverage.to)), "yyyy-MM-dd") : null);
  return from && to && from <= to ? { from, to } : null;
}
