import { addDays } from "date-fns";
import { UTCDate } from "@date-fns/utc";
import { formatIsoDay, isoDaysBetween, parseIsoDay } from "@/lib/dates/iso-day";

/**
 * UTC calendar days as integers (days since 1970-01-01). All index arithmetic
 * is on these numbers so that local time zones and DST can never shift an
 * event by a day; the conversions follow the project's one ISO-date rule
 * (lib/dates/iso-day: date-fns in UTC).
 */

const EPOCH = "1970-01-01";

/** Day number of a YYYY-MM-DD string, or null if it is not a real calendar date. */
export function tryParseDay(value: unknown): number | null {
  return parseIsoDay(value) ? isoDaysBetween(EPOCH, value as string) : null;
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
  return formatIsoDay(addDays(new UTCDate(0), day));
}
