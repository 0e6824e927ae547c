import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { dateFromIso, isoFromDate } from "@/lib/domain/common-schemas";
import type { Category } from "@/lib/domain/taxonomy";
import { FxTable, distinctRates, type AppliedRate } from "@/lib/fx/convert";
import { resolveDataset, type DatasetDto } from "@/lib/datasets/queries";
import { distinctSources, toSourceDto, type SourceDto } from "@/lib/sources/dto";
import { aggregateTimeseries, summariseAid, type CategoryAmounts, type TimeseriesPoint } from "@/lib/aid/aggregate";
import type { AidSort, TAidFilters, TRecordsQuery, TTimeseriesQuery } from "@/lib/aid/schemas";

/** What every aid response says about how its figures were made. */
export interface AidContext {
  dataset: DatasetDto;
  measure: string;
  currency: string;
  /** Amounts are in whole currency units (not millions or billions). */
  unit: string;
  filters: { donor: string[]; category: string[]; subcategory: string[]; from: string | null; to: string | null };
  fx: { rates: (AppliedRate & { source: SourceDto | null })[] };
  sources: SourceDto[];
}

export interface AidRecordDto {
  id: string;
  datasetId: string;
  donorCode: string;
  donorName: string;
  date: string;
  granularity: string;
  category: Category;
  subcategory: string | null;
  measure: string;
  amount: number;
  currency: string;
  /** The amount in the requested currency. */
  value: number;
  valueCurrency: string;
  fxRate: AppliedRate | null;
  notes: string | null;
  sources: SourceDto[];
}

export async function assertKnownDonors(db: Db, codes: string[] | undefined): Promise<void> {
  if (!codes?.length) return;
  const found = await db.donor.findMany({ where: { code: { in: codes } }, select: { code: true } });
  const unknown = codes.filter((c) => !found.some((f) => f.code === c));
  if (unknown.length) {
    throw new AppError("BAD_REQUEST", `Invalid query parameter "donor": unknown donor code ${unknown.map((c) => `"${c}"`).join(", ")}`, [
      { path: ["donor"], message: `unknown donor code(s): ${unknown.join(", ")}` },
    ]);
  }
}

function whereFor(datasetId: string, f: TAidFilters): Prisma.AidRecordWhereInput {
  return {
    datasetId,
    measure: f.measure,
    // Combined figures (e.g. "EU + member states") overlap the single donors they cover:
    // they are counted only when asked for by code, never in an all-donor total.
    ...(f.donor?.length ? { donorCode: { in: f.donor } } : { donor: { NOT: { groups: { contains: "AGGREGATE" } } } }),
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
function overlapping(from?: string, to?: string): Prisma.AidRecordWhereInput[] {
  const lte = to ? { lte: dateFromIso(to) } : {};
  return [
    { granularity: "day", date: { ...(from ? { gte: dateFromIso(from) } : {}), ...lte } },
    { granularity: "month", date: { ...(from ? { gte: dateFromIso(`${from.slice(0, 7)}-01`) } : {}), ...lte } },
  ];
}

async function loadFx(db: Db): Promise<{ table: FxTable; sources: Map<string, SourceDto> }> {
  const rows = await db.fxRate.findMany({ include: { source: true } });
  return {
    table: new FxTable(rows),
    sources: new Map(rows.map((r) => [r.sourceId, toSourceDto(r.source)])),
  };
}

/** Reads the filtered records of one dataset and measure, converted to the requested currency. */
function orderFor(sort: AidSort = "date"): Prisma.AidRecordOrderByWithRelationInput[] {
  const dir = sort.startsWith("-") ? "desc" : "asc";
  const key = sort.replace(/^-/, "");
  const primary: Prisma.AidRecordOrderByWithRelationInput =
    key === "donor" ? { donor: { name: dir } } : key === "category" ? { category: dir } : key === "amount" ? { amount: dir } : { date: dir };
  return [primary, { date: "asc" }, { donorCode: "asc" }, { category: "asc" }, { id: "asc" }];
}

export async function getAidRecords(
  db: Db,
  f: TAidFilters & { sort?: AidSort },
  page?: { skip: number; take: number },
): Promise<{ context: AidContext; records: AidRecordDto[]; total: number }> {
  await assertKnownDonors(db, f.donor);
  const dataset = await resolveDataset(db, f.dataset);
  const where = whereFor(dataset.id, f);
  const [rows, total, fx] = await Promise.all([
    db.aidRecord.findMany({
      where,
      include: { donor: true, sources: { include: { source: true } } },
      orderBy: orderFor(f.sort),
      ...(page ?? {}),
    }),
    db.aidRecord.count({ where }),
    loadFx(db),
  ]);
  const records: AidRecordDto[] = rows.map((r) => {
    const converted = fx.table.convert(r.amount, r.currency, f.currency, r.date);
    return {
      id: r.id,
      datasetId: r.datasetId,
      donorCode: r.donorCode,
      donorName: r.donor.name,
      date: isoFromDate(r.date),
      granularity: r.granularity,
      category: r.category as Category,
      subcategory: r.subcategory,
      measure: r.measure,
      amount: r.amount,
      currency: r.currency,
      value: converted.value,
      valueCurrency: f.currency,
      fxRate: converted.rate,
      notes: r.notes,
      sources: r.sources.map((s) => toSourceDto(s.source)),
    };
  });
  const context: AidContext = {
    dataset,
    measure: f.measure,
    currency: f.currency,
    unit: f.currency,
    filters: {
      donor: f.donor ?? [],
      category: f.category ?? [],
      subcategory: f.subcategory ?? [],
      from: f.from ?? null,
      to: f.to ?? null,
    },
    fx: {
      rates: distinctRates(records.map((r) => r.fxRate)).map((r) => ({ ...r, source: fx.sources.get(r.sourceId) ?? null })),
    },
    sources: distinctSources([...(dataset.source ? [dataset.source] : []), ...records.flatMap((r) => r.sources)]),
  };
  return { context, records, total };
}

export interface AidSummaryDto extends AidContext {
  total: number;
  recordCount: number;
  byCategory: CategoryAmounts;
  byDonor: { donorCode: string; donorName: string; total: number; byCategory: CategoryAmounts; gdpEur: number | null }[];
  /** Where donor GDP comes from (the dataset's own figures), when it has any. */
  gdpSource: SourceDto | null;
}

export async function getAidSummary(db: Db, f: TAidFilters): Promise<AidSummaryDto> {
  const { context, records } = await getAidRecords(db, f);
  const s = summariseAid(records.map((r) => ({ ...r, date: dateFromIso(r.date), amount: r.value })));
  const names = new Map(records.map((r) => [r.donorCode, r.donorName]));
  const gdp = await db.donorGdp.findMany({ where: { datasetId: context.dataset.id }, include: { source: true } });
  const gdpOf = new Map(gdp.map((g) => [g.donorCode, g.gdpEur]));
  return {
    ...context,
    total: s.total,
    recordCount: s.recordCount,
    byCategory: s.byCategory,
    byDonor: s.byDonor.map((d) => ({ ...d, donorName: names.get(d.donorCode) ?? d.donorCode, gdpEur: gdpOf.get(d.donorCode) ?? null })),
    gdpSource: gdp[0] ? toSourceDto(gdp[0].source) : null,
  };
}

export interface AidTimeseriesDto extends AidContext {
  granularity: string;
  points: TimeseriesPoint[];
}

export async function getAidTimeseries(db: Db, q: TTimeseriesQuery): Promise<AidTimeseriesDto> {
  const { context, records } = await getAidRecords(db, q);
  // Unbounded ends span the dataset's own coverage, so a donor whose figures stop
  // early still shows zeros up to the data's last month (not a shorter axis).
  const span = await db.aidRecord.aggregate({
    where: { datasetId: context.dataset.id, measure: q.measure },
    _min: { date: true },
    _max: { date: true },
  });
  const points = aggregateTimeseries(
    records.map((r) => ({ ...r, date: dateFromIso(r.date), amount: r.value })),
    q.granularity,
    {
      start: q.from ? dateFromIso(q.from) : (span._min.date ?? undefined),
      end: q.to ? dateFromIso(q.to) : (span._max.date ?? undefined),
    },
  );
  return { ...context, granularity: q.granularity, points };
}

export interface AidRecordsPageDto extends AidContext {
  items: AidRecordDto[];
  total: number;
  page: number;
  pageSize: number;
}

export async function listAidRecords(db: Db, q: TRecordsQuery): Promise<AidRecordsPageDto> {
  const { context, records, total } = await getAidRecords(db, q, {
    skip: (q.page - 1) * q.pageSize,
    take: q.pageSize,
  });
  return { ...context, items: records, total, page: q.page, pageSize: q.pageSize };
}
