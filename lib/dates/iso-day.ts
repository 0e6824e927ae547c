import { UTCDate } from "@date-fns/utc";
import { addDays, differenceInCalendarDays, format, isValid, parse } from "date-fns";

/**
 * The one rule for calendar dates written as YYYY-MM-DD: UTC midnight, so no
 * time zone or DST change can move a date by a day, with date-fns doing the
 * calendar arithmetic (UTCDate makes its local-time functions work in UTC).
 */
/** Four-digit years from 1000: "0050-01-01" is a typo, not the first century. */
const ISO_DAY = /^[1-9]\d{3}-\d{2}-\d{2}$/;
const ISO_DAY_FORMAT = "yyyy-MM-dd";

/** The date at UTC midnight, or null when `value` is not a real calendar date as YYYY-MM-DD (2022-02-30 is not). */
export function parseIsoDay(value: unknown): UTCDate | null {
  if (typeof value !== "string" || !ISO_DAY.test(value)) return null;
  const d = parse(value, ISO_DAY_FORMAT, new UTCDate(0));
  return isValid(d) ? d : null;
}

export const isIsoDay = (value: unknown): value is string => parseIsoDay(value) !== null;

/** YYYY-MM-DD of a date or timestamp, read in UTC. */
export function formatIsoDay(date: Date | number): string {
  return format(new UTCDate(typeof date === "number" ? date : date.getTime()), ISO_DAY_FORMAT);
}

function day(iso: string): UTCDate {
  const d = parseIsoDay(iso);
  if (!d) throw new RangeError(`Not a calendar date as YYYY-MM-DD: ${JSON.stringify(iso)}`);
  return d;
}

/** The ISO date `days` after `iso` (negative: before). */
export const addIsoDays = (iso: string, days: number): string => formatIsoDay(addDays(day(iso), days));

/** Whole calendar days from `a` to `b`. */
export const isoDaysBetween = (a: string, b: string): number => differenceInCalendarDays(day(b), day(a));

/** Milliseconds since the epoch at the date's UTC midnight (chart axes are numeric). */
export const isoDayTime = (iso: string): number => day(iso).getTime();

/** Today's date in UTC: the server and the browser agree on it whatever their zones. */
export const todayIso = (): string => formatIsoDay(Date.now());
