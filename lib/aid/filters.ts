import type { DbTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { dateFromIso } from "@/lib/domain/common-schemas";
import { periodMonthOf } from "@/lib/aid/period-month";
import type { TAidFilters } from "@/lib/aid/schemas";

export async function assertKnownDonors(db: DbTx, codes: string[] | undefined): Promise<void> {
  if (!codes?.length) return;
  const found = await db.donor.findMany({ where: { code: { in: codes } }, select: { code: true } });
  const unknown = codes.filter((c) => !found.some((f) => f.code === c));
  if (unknown.length) {
    throw new AppError("BAD_REQUEST", `Invalid query parameter "donor": unknown donor code ${unknown.map((c) => `"${c}"`).join(", ")}`, [
      { path: ["donor"], message: `unknown donor code(s): ${unknown.join(", ")}` },
    ]);
  }
}

/**
 * Combined figures (e.g. "EU + member states") overlap the single donors they
 * cover: they are counted only when asked for by code, never in an all-donor
 * total. The donor table is small, so the codes are resolved first and the
 * record filter stays a plain column condition the indexes can serve.
 */
export async function aggregateDonorCodes(db: DbTx): Promise<string[]> {
  const rows = await db.donor.findMany({ where: { groups: { contains: "AGGREGATE" } }, select: { code: true } });
  return rows.map((r) => r.code);
}

type InFilter<T> = { in: T[] } | { notIn: T[] };
type Range<T> = { gte?: T; lte?: T };

/**
 * A filter on the columns AidRecord shares with its rollups (AidRollup,
 * AidRollupSource): the same object selects records, their sums and their sources.
 */
export interface AidCellWhere {
  datasetId: string;
  measure: string;
  donorCode?: InFilter<string>;
  category?: { in: string[] };
  subcategory?: { in: string[] };
  OR?: ({ granularity: string; date: Range<Date> } | { granularity: string; periodMonth: Range<number> })[];
}

/** The one definition of which records a set of aid filters selects. */
export function aidRecordWhere(datasetId: string, f: TAidFilters, aggregateCodes: string[]): AidCellWhere {
  return {
    datasetId,
    measure: f.measure,
    ...(f.donor?.length ? { donorCode: { in: f.donor } } : aggregateCodes.length ? { donorCode: { notIn: aggregateCodes } } : {}),
    ...(f.category?.length ? { category: { in: f.category } } : {}),
    ...(f.subcategory?.length ? { subcategory: { in: f.subcategory } } : {}),
    ...(f.from || f.to ? { OR: overlapping(f.from, f.to) } : {}),
  };
}

/**
 * A record is in range when its period overlaps [from, to]: a day figure by its
 * date, a month figure (dated the 1st) when any day of its month is in range —
 * so "since 24 Feb 2022" keeps the tracker's February 2022 row.
 */
function overlapping(from?: string, to?: string): NonNullable<AidCellWhere["OR"]> {
  const month = (iso: string) => periodMonthOf(dateFromIso(iso));
  return [
    { granularity: "day", date: { ...(from ? { gte: dateFromIso(from) } : {}), ...(to ? { lte: dateFromIso(to) } : {}) } },
    { granularity: "month", periodMonth: { ...(from ? { gte: month(from) } : {}), ...(to ? { lte: month(to) } : {}) } },
  ];
}
