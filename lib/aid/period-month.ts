/**
 * The calendar month of a date as the integer YYYYMM (UTC), stored beside each
 * aid record so that the database groups by month, quarter and year with
 * integer arithmetic that SQLite and PostgreSQL share.
 */
export function periodMonthOf(date: Date): number {
  return date.getUTCFullYear() * 100 + date.getUTCMonth() + 1;
}
