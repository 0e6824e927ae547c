/**
 * UTC calendar days as integers (days since 1970-01-01). All index arithmetic
 * is on these numbers so that local time zones and DST can never shift an
 * event by a day (date-fns' parse/format work in local time, hence not used).
 */

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a YYYY-MM-DD string, or null if it is not a real calendar date. */
export function tryParseDay(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const m = ISO_DAY.exec(value);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC silently rolls 2022-02-30 over to March; the round trip rejects it.
  if (!Number.isFinite(ms) || formatDay(ms / MS_PER_DAY) !== value) return null;
  return ms / MS_PER_DAY;
}

/** Day number of a YYYY-MM-DD string; throws RangeError naming `label` if invalid. */
export function parseDay(value: unknown, label: string): number {
  const day = tryParseDay(value);
  if (day === null) {
    throw new RangeError(`${label} must be a valid calendar date in YYYY-MM-DD form, got ${JSON.stringify(value)}`);
  }
  return day;
}

export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
