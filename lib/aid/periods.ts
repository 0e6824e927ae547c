/** Calendar periods for time series: "2024-03", "2024-Q1", "2024". UTC throughout. */
export type PeriodGranularity = "month" | "quarter" | "year";

export function periodOf(date: Date, g: PeriodGranularity): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  if (g === "year") return String(y);
  if (g === "quarter") return `${y}-Q${Math.ceil(m / 3)}`;
  return `${y}-${String(m).padStart(2, "0")}`;
}

/** Every period from the one holding `start` to the one holding `end`, inclusive. */
export function periodsBetween(start: Date, end: Date, g: PeriodGranularity): string[] {
  const out: string[] = [];
  const step = g === "year" ? 12 : g === "quarter" ? 3 : 1;
  const firstMonth = g === "year" ? 0 : g === "quarter" ? Math.floor(start.getUTCMonth() / 3) * 3 : start.getUTCMonth();
  const cursor = new Date(Date.UTC(start.getUTCFullYear(), firstMonth, 1));
  const last = periodOf(end, g);
  for (let guard = 0; guard < 10_000; guard++) {
    const p = periodOf(cursor, g);
    out.push(p);
    if (p === last) return out;
    cursor.setUTCMonth(cursor.getUTCMonth() + step);
  }
  throw new RangeError("Period range too long");
}

/** First and last day of a period label. */
export function periodBounds(period: string): { start: string; end: string } {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  const y = /^(\d{4})$/.exec(period);
  let start: Date;
  let end: Date;
  if (q) {
    start = new Date(Date.UTC(+q[1], (+q[2] - 1) * 3, 1));
    end = new Date(Date.UTC(+q[1], +q[2] * 3, 0));
  } else if (m) {
    start = new Date(Date.UTC(+m[1], +m[2] - 1, 1));
    end = new Date(Date.UTC(+m[1], +m[2], 0));
  } else if (y) {
    start = new Date(Date.UTC(+y[1], 0, 1));
    end = new Date(Date.UTC(+y[1], 11, 31));
  } else {
    throw new RangeError(`Not a period: ${period}`);
  }
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}
