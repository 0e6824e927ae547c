import { dateFromIso } from "@/lib/domain/common-schemas";

/** `{ date: { gte, lte } }` for an inclusive ISO date range, or nothing when unbounded. */
export function dateRangeWhere(from?: string, to?: string): { date?: { gte?: Date; lte?: Date } } {
  if (!from && !to) return {};
  return { date: { ...(from ? { gte: dateFromIso(from) } : {}), ...(to ? { lte: dateFromIso(to) } : {}) } };
}
