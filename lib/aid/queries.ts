import type { Prisma } from "@/generated/prisma/client";
import { providerOf, type DbTx } from "@/lib/db";
import { numbered, sqliteDateText } from "@/lib/sql-dialect";
import { cellWhereSql } from "@/lib/aid/cell-where-sql";
import { isoFromDate, dateFromIso } from "@/lib/domain/common-schemas";
import type { Category } from "@/lib/domain/taxonomy";
import { FxTable, convertGroups, distinctRates, type AppliedRate } from "@/lib/fx/convert";
import { resolveDataset, type DatasetDto } from "@/lib/datasets/queries";
import { distinctSources, toSourceDto, type SourceDto } from "@/lib/sources/dto";
import { aggregateTimeseries, emptyCategories, type CategoryAmounts, type TimeseriesPoint } from "@/lib/aid/aggregate";
import { aggregateDonorCodes, aidRecordWhere, assertKnownDonors, type AidCellWhere } from "@/lib/aid/filters";
import type { AidSort, TAidFilters, TRecordsQuery, TTimeseriesQuery } from "@/lib/aid/schemas";

export { assertKnownDonors } from "@/lib/aid/filters";

/**
 * Aid reads. Every figure is aggregated by the database (GROUP BY through
 * Prisma's groupBy) over the rollup tables (lib/aid/rollup.ts): per-cell sums
 * kept in step with the records by every write, so a million records are read
 * as a few thousand cells. JavaScript only converts the grouped sums between
 * currencies and zero-fills periods. Each function takes a transaction client
 * so that a response is read from one snapshot (lib/data-version.ts readSnapshot).
 */

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

interface Selection {
  dataset: DatasetDto;
  where: AidCellWhere;
  fx: FxTable;
  fxSources: Map<string, SourceDto>;
}

/** Validates the filters and resolves them to one dataset and one record filter. */
async function select(db: DbTx, f: TAidFilters): Promise<Selection> {
  await assertKnownDonors(db, f.donor);
  const [dataset, aggregates, rates] = await Promise.all([
    resolveDataset(db, f.dataset),
    aggregateDonorCodes(db),
    db.fxRate.findMany({ include: { source: true } }),
  ]);
  return {
    dataset,
    where: aidRecordWhere(dataset.id, f, aggregates),
    fx: new FxTable(rates),
    fxSources: new Map(rates.map((r) => [r.sourceId, toSourceDto(r.source)])),
  };
}

function contextFor(s: Selection, f: TAidFilters, rates: AppliedRate[], sources: SourceDto[]): AidContext {
  return {
    dataset: s.dataset,
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
    fx: { rates: rates.map((r) => ({ ...r, source: s.fxSources.get(r.sourceId) ?? null })) },
    sources: distinctSources([...(s.dataset.source ? [s.dataset.source] : []), ...sources]),
  };
}

/**
 * The distinct sources behind the selected records, from the per-cell source
 * rollup. A loose index scan: the dataset's sources are walked one by one on
 * the rollup's key (dataset, measure, source, …), and each is kept when one of
 * its cells matches the filter. That costs a few index seeks per source, where
 * a plain DISTINCT reads every cell-source pair (hundreds of thousands at a
 * million records). Prisma cannot express it, hence raw SQL on both backends.
 */
async function sourcesOf(db: DbTx, where: AidCellWhere): Promise<SourceDto[]> {
  const pg = providerOf(db) === "postgresql";
  const cond = cellWhereSql(where, "r", pg ? (d) => d : sqliteDateText);
  const sql = `WITH RECURSIVE c("id") AS (
      SELECT (SELECT MIN("sourceId") FROM "AidRollupSource" WHERE "datasetId" = ? AND "measure" = ?)
      UNION ALL
      SELECT (SELECT MIN("sourceId") FROM "AidRollupSource" WHERE "datasetId" = ? AND "measure" = ? AND "sourceId" > c."id")
        FROM c WHERE c."id" IS NOT NULL)
    SELECT c."id" FROM c
     WHERE c."id" IS NOT NULL AND EXISTS (SELECT 1 FROM "AidRollupSource" r WHERE r."sourceId" = c."id" AND ${cond.sql})`;
  const key = [where.datasetId, where.measure];
  const params = [...key, ...key, ...cond.params];
  const ids = await db.$queryRawUnsafe<{ id: string }[]>(pg ? numbered(sql) : sql, ...params);
  if (!ids.length) return [];
  const rows = await db.source.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toSourceDto);
}

function orderFor(sort: AidSort = "date"): Prisma.AidRecordOrderByWithRelationInput[] {
  const dir = sort.startsWith("-") ? "desc" : "asc";
  const key = sort.replace(/^-/, "");
  const primary: Prisma.AidRecordOrderByWithRelationInput =
    key === "donor" ? { donor: { name: dir } } : key === "category" ? { category: dir } : key === "amount" ? { amount: dir } : { date: dir };
  return [primary, { date: "asc" }, { donorCode: "asc" }, { category: "asc" }, { id: "asc" }];
}

/**
 * The selected records, converted to the requested currency. A page is found
 * in two steps (a deferred join): the ids of the page come from the ordering
 * index alone, then only those rows are read with their sources, so page 5,000
 * does not load the 499,900 rows before it.
 */
export async function getAidRecords(
  db: DbTx,
  f: TAidFilters & { sort?: AidSort },
  page?: { skip: number; take: number },
): Promise<{ context: AidContext; records: AidRecordDto[]; total: number }> {
  const s = await select(db, f);
  const orderBy = orderFor(f.sort);
  const [ids, total] = await Promise.all([
    db.aidRecord.findMany({ where: s.where, orderBy, select: { id: true }, ...(page ?? {}) }),
    recordCountOf(db, s.where),
  ]);
  const rows = await db.aidRecord.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    include: { donor: true, sources: { include: { source: true } } },
  });
  const position = new Map(ids.map((r, i) => [r.id, i]));
  rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  const records: AidRecordDto[] = rows.map((r) => {
    const converted = s.fx.convert(r.amount, r.currency, f.currency, r.date);
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
      sources: r.sources.map((x) => toSourceDto(x.source)),
    };
  });
  const context = contextFor(
    s,
    f,
    distinctRates(records.map((r) => r.fxRate)),
    records.flatMap((r) => r.sources),
  );
  return { context, records, total };
}

/** How many records a filter selects, summed from the rollup's per-cell counts. */
async function recordCountOf(db: DbTx, where: AidCellWhere): Promise<number> {
  const r = await db.aidRollup.aggregate({ where, _sum: { recordCount: true } });
  return r._sum.recordCount ?? 0;
}

export interface AidSummaryDto extends AidContext {
  total: number;
  recordCount: number;
  byCategory: CategoryAmounts;
  byDonor: { donorCode: string; donorName: string; total: number; byCategory: CategoryAmounts; gdpEur: number | null }[];
  /** Where donor GDP comes from (the dataset's own figures), when it has any. */
  gdpSource: SourceDto | null;
}

/** Totals per donor and category: GROUP BY donor, category, currency and month (months only for the FX rate). */
export async function getAidSummary(db: DbTx, f: TAidFilters): Promise<AidSummaryDto> {
  const s = await select(db, f);
  const [groups, sources, gdp] = await Promise.all([
    db.aidRollup.groupBy({
      by: ["donorCode", "category", "currency", "periodMonth"],
      where: s.where,
      _sum: { amount: true, recordCount: true },
    }),
    sourcesOf(db, s.where),
    db.donorGdp.findMany({ where: { datasetId: s.dataset.id }, include: { source: true } }),
  ]);
  const { rows, rates } = convertGroups(
    s.fx,
    groups.map((g) => ({ ...g, amount: g._sum.amount ?? 0 })),
    f.currency,
  );
  const byCategory = emptyCategories();
  const donors = new Map<string, { donorCode: string; total: number; byCategory: CategoryAmounts }>();
  let total = 0;
  let recordCount = 0;
  for (const r of rows) {
    const category = r.category as Category;
    total += r.value;
    recordCount += r._sum.recordCount ?? 0;
    byCategory[category] += r.value;
    const d = donors.get(r.donorCode) ?? { donorCode: r.donorCode, total: 0, byCategory: emptyCategories() };
    d.total += r.value;
    d.byCategory[category] += r.value;
    donors.set(r.donorCode, d);
  }
  const names = new Map(
    (await db.donor.findMany({ where: { code: { in: [...donors.keys()] } }, select: { code: true, name: true } })).map((d) => [d.code, d.name]),
  );
  const gdpOf = new Map(gdp.map((g) => [g.donorCode, g.gdpEur]));
  const byDonor = [...donors.values()]
    .sort((a, b) => b.total - a.total || a.donorCode.localeCompare(b.donorCode))
    .map((d) => ({ ...d, donorName: names.get(d.donorCode) ?? d.donorCode, gdpEur: gdpOf.get(d.donorCode) ?? null }));
  return {
    ...contextFor(s, f, rates, sources),
    total,
    recordCount,
    byCategory,
    byDonor,
    gdpSource: gdp[0] ? toSourceDto(gdp[0].source) : null,
  };
}

export interface AidTimeseriesDto extends AidContext {
  granularity: string;
  points: TimeseriesPoint[];
  /** With `by=donor`: every donor with aid in the selection, largest total first. */
  donors?: { donorCode: string; donorName: string; total: number }[];
}

/**
 * One point per period: GROUP BY month, category and currency (and donor, with
 * `by=donor`), then months fold into quarters or years.
 */
export async function getAidTimeseries(db: DbTx, q: TTimeseriesQuery): Promise<AidTimeseriesDto> {
  const s = await select(db, q);
  const byDonor = q.by === "donor";
  const [groups, sources, span] = await Promise.all([
    db.aidRollup.groupBy({
      by: byDonor ? ["periodMonth", "donorCode", "category", "currency"] : ["periodMonth", "category", "currency"],
      where: s.where,
      _sum: { amount: true },
    }),
    sourcesOf(db, s.where),
    // Unbounded ends span the dataset's own coverage, so a donor whose figures stop
    // early still shows zeros up to the data's last month (not a shorter axis).
    db.aidRecord.aggregate({
      where: { datasetId: s.dataset.id, measure: q.measure },
      _min: { date: true },
      _max: { date: true },
    }),
  ]);
  const { rows, rates } = convertGroups(
    s.fx,
    groups.map((g) => ({ ...g, amount: g._sum.amount ?? 0 })),
    q.currency,
  );
  const points = aggregateTimeseries(
    rows.map((r) => ({
      donorCode: "donorCode" in r ? String(r.donorCode) : "",
      date: new Date(Date.UTC(Math.floor(r.periodMonth / 100), (r.periodMonth % 100) - 1, 1)),
      category: r.category as Category,
      amount: r.value,
    })),
    q.granularity,
    {
      start: q.from ? dateFromIso(q.from) : (span._min.date ?? undefined),
      end: q.to ? dateFromIso(q.to) : (span._max.date ?? undefined),
    },
    { byDonor },
  );
  const context = { ...contextFor(s, q, rates, sources), granularity: q.granularity, points };
  if (!byDonor) return context;
  return { ...context, donors: await donorTotals(db, points) };
}

/** The donors of a by-donor series with their totals over the shown periods, largest first. */
async function donorTotals(db: DbTx, points: TimeseriesPoint[]): Promise<NonNullable<AidTimeseriesDto["donors"]>> {
  const totals = new Map<string, number>();
  for (const p of points) for (const [code, v] of Object.entries(p.byDonor ?? {})) totals.set(code, (totals.get(code) ?? 0) + v);
  const names = new Map(
    (await db.donor.findMany({ where: { code: { in: [...totals.keys()] } }, select: { code: true, name: true } })).map((d) => [d.code, d.name]),
  );
  return [...totals]
    .map(([donorCode, total]) => ({ donorCode, donorName: names.get(donorCode) ?? donorCode, total }))
    .sort((a, b) => b.total - a.total || a.donorCode.localeCompare(b.donorCode));
}

export interface AidRecordsPageDto extends AidContext {
  items: AidRecordDto[];
  total: number;
  page: number;
  pageSize: number;
}

export async function listAidRecords(db: DbTx, q: TRecordsQuery): Promise<AidRecordsPageDto> {
  const { context, records, total } = await getAidRecords(db, q, {
    skip: (q.page - 1) * q.pageSize,
    take: q.pageSize,
  });
  return { ...context, items: records, total, page: q.page, pageSize: q.pageSize };
}
