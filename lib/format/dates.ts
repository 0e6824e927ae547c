import { format, parseISO } from "date-fns";

/** "2024-03" → "Mar 2024", "2024-Q1" → "Q1 2024", "2024" → "2024", "2024-03-05" → "5 Mar 2024". */
export function formatPeriod(period: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return `Q${q[2]} ${q[1]}`;
  if (/^\d{4}-\d{2}$/.test(period)) return format(parseISO(`${period}-01`), "MMM yyyy");
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return format(parseISO(period), "d MMM yyyy");
  return period;
}

export function formatMonth(iso: string): string {
  return format(parseISO(iso), "MMM yyyy");
}

export function formatDay(iso: string): string {
  return format(parseISO(iso), "d MMM yyyy");
}
