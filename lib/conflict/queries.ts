import { providerOf, type DbTx } from "@/lib/db";
import { numbered } from "@/lib/sql-dialect";
import { DATASET_TERMS, FATALITIES_CAVEAT, type ConflictFormat } from "./codebook";
import type { TConflictDailyQuery, TConflictExplainQuery, TConflictRegionsQuery } from "./schemas";

/**
 * Conflict-event reads. Every sum is made by the database over the daily
 * tables the import keeps (ConflictDayTotal when no admin-1 region is named,
 * else ConflictDaily); events are read only to explain one day. Each function
 * takes a transaction client: one snapshot per response.
 */

export interface ConflictDatasetDto {
  id: ConflictFormat;
  name: string;
  citation: string;
  licence: string;
  url: string;
  fileName: string;
  importedAt: string;
  eventCount: number;
  /** First and last day of the dataset's events: outside them there is no data (not zero events). */
  firstDay: string | null;
  lastDay: string | null;
}

export interface ConflictSums {
  events: number;
  fatalities: number;
  preciseEvents: number;
  strikeEvents: number;
  strikeFatalities: number;
  battleEvents: number;
  battleFatalities: number;
  crossBorderEvents: number;
  crossBorderFatalities: number;
}
/** The days as columns (one array per measure, aligned with `date`): a whole war of days is a few tens of kB, not hundreds. */
export type ConflictDaysDto = { date: string[] } & { [K in keyof ConflictSums]: number[] };

interface Provenance {
  /** null when no conflict data has been imported: the app ships none. */
  dataset: ConflictDatasetDto | null;
  /** Every imported dataset (they are never summed together). */
  available: { id: ConflictFormat; name: string }[];
  caveat: string;
}

const SUM_FIELDS = [
  "events",
  "fatalities",
  "preciseEvents",
  "strikeEvents",
  "strikeFatalities",
  "battleEvents",
  "battleFatalities",
  "crossBorderEvents",
  "crossBorderFatalities",
] as const;
const SUM_SELECT = Object.fromEntries(SUM_FIELDS.map((f) => [f, true])) as Record<(typeof SUM_FIELDS)[number], true>;

function sums(s: Partial<Record<(typeof SUM_FIELDS)[number], number | null>>): ConflictSums {
  return Object.fromEntries(SUM_FIELDS.map((f) => [f, Number(s[f] ?? 0)])) as unknown as ConflictSums;
}

async function provenance(tx: DbTx, wanted: ConflictFormat | undefined): Promise<Provenance> {
  const rows = await tx.conflictDataset.findMany({ orderBy: [{ importedAt: "desc" }, { id: "asc" }] });
  const row = wanted ? rows.find((r) => r.id === wanted) : rows[0];
  const span = row ? await tx.conflictDayTotal.aggregate({ where: { datasetId: row.id }, _min: { day: true }, _max: { day: true } }) : null;
  const dataset: ConflictDatasetDto | null = row
    ? {
        id: row.id as ConflictFormat,
        name: row.name,
        citation: row.citation,
        licence: row.licence,
        url: DATASET_TERMS[row.id as ConflictFormat]?.url ?? "",
        fileName: row.fileName,
        importedAt: row.importedAt.toISOString(),
        eventCount: row.eventCount,
        firstDay: span?._min.day ?? null,
        lastDay: span?._max.day ?? null,
      }
    : null;
  return { dataset, available: rows.map((r) => ({ id: r.id as ConflictFormat, name: r.name })), caveat: FATALITIES_CAVEAT };
}

const inList = (list: string[] | undefined) => (list?.length ? { in: list } : undefined);

export interface ConflictDailyDto extends Provenance {
  params: { from: string | null; to: string | null; country: string[]; admin1: string[]; type: string[] };
  /** Days with at least one event in the selection, in order, as columns; other days within the dataset's span had none. */
  days: ConflictDaysDto;
  totals: ConflictSums & { impreciseEvents: number };
}

const emptyDays = (): ConflictDaysDto => ({
  date: [],
  ...(Object.fromEntries(SUM_FIELDS.map((f) => [f, []])) as unknown as { [K in keyof ConflictSums]: number[] }),
});

export async function getConflictDaily(tx: DbTx, q: TConflictDailyQuery): Promise<ConflictDailyDto> {
  const p = await provenance(tx, q.dataset);
  const params = { from: q.from ?? null, to: q.to ?? null, country: q.country ?? [], admin1: q.admin1 ?? [], type: q.type ?? [] };
  const days = emptyDays();
  const totals = sums({});
  if (!p.dataset) return { ...p, params, days, totals: { ...totals, impreciseEvents: 0 } };
  // Raw SQL: the per-day GROUP BY is the whole cost of this response, and Prisma's groupBy
  // added several times the query's own time. The coarse table answers unless a region is named.
  const where: string[] = [`"datasetId" = ?`];
  const args: unknown[] = [p.dataset.id];
  const list = (col: string, values: string[] | undefined) => {
    if (!values?.length) return;
    where.push(`"${col}" IN (${values.map(() => "?").join(", ")})`);
    args.push(...values);
  };
  if (q.from) {
    where.push(`"day" >= ?`);
    args.push(q.from);
  }
  if (q.to) {
    where.push(`"day" <= ?`);
    args.push(q.to);
  }
  list("country", q.country);
  list("eventType", q.type);
  list("admin1", q.admin1);
  const table = q.admin1?.length ? "ConflictDaily" : "ConflictDayTotal";
  const sql = `SELECT "day", ${SUM_FIELDS.map((f) => `SUM("${f}") AS "${f}"`).join(", ")} FROM "${table}" WHERE ${where.join(" AND ")} GROUP BY "day" ORDER BY "day"`;
  const rows = await tx.$queryRawUnsafe<({ day: string } & Record<(typeof SUM_FIELDS)[number], number | bigint>)[]>(
    providerOf(tx) === "postgresql" ? numbered(sql) : sql,
    ...args,
  );
  for (const r of rows) {
    days.date.push(r.day);
    for (const f of SUM_FIELDS) {
      const v = Number(r[f]);
      days[f].push(v);
      totals[f] += v;
    }
  }
  return {
    ...p,
    params: { ...params, from: params.from ?? days.date[0] ?? null, to: params.to ?? days.date.at(-1) ?? null },
    days,
    totals: { ...totals, impreciseEvents: totals.events - totals.preciseEvents },
  };
}

export interface ConflictRegionDto extends ConflictSums {
  country: string;
  admin1: string;
}
export interface ConflictRegionsDto extends Provenance {
  params: { from: string | null; to: string | null; country: string[]; type: string[] };
  regions: ConflictRegionDto[];
}

export async function getConflictRegions(tx: DbTx, q: TConflictRegionsQuery): Promise<ConflictRegionsDto> {
  const p = await provenance(tx, q.dataset);
  const params = { from: q.from ?? null, to: q.to ?? null, country: q.country ?? [], type: q.type ?? [] };
  if (!p.dataset) return { ...p, params, regions: [] };
  const day = q.from || q.to ? { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lte: q.to } : {}) } : undefined;
  const grouped = await tx.conflictDaily.groupBy({
    by: ["country", "admin1"],
    where: { datasetId: p.dataset.id, day, country: inList(q.country), eventType: inList(q.type) },
    _sum: SUM_SELECT,
  });
  const regions = grouped
    .map((g) => ({ country: g.country, admin1: g.admin1, ...sums(g._sum) }))
    .sort((a, b) => b.events - a.events || b.fatalities - a.fatalities || a.country.localeCompare(b.country) || a.admin1.localeCompare(b.admin1));
  return { ...p, params, regions };
}

export interface ConflictEventDto {
  id: string;
  date: string;
  dateEnd: string;
  precise: boolean;
  datePrecision: number;
  country: string;
  admin1: string;
  location: string | null;
  eventType: string;
  subEventType: string;
  actor1: string;
  actor2: string | null;
  fatalities: number;
  notes: string | null;
  source: string | null;
}
export interface ConflictExplainDto extends Provenance {
  date: string;
  /** The day's sums over all its events (the list shows only the largest). */
  day: ConflictSums;
  events: ConflictEventDto[];
}

/** The largest events of a day (by reported fatalities), with their source notes. */
export async function explainConflictDay(tx: DbTx, q: TConflictExplainQuery): Promise<ConflictExplainDto> {
  const p = await provenance(tx, q.dataset);
  if (!p.dataset) return { ...p, date: q.date, day: sums({}), events: [] };
  const [total, rows] = await Promise.all([
    tx.conflictDayTotal.aggregate({ where: { datasetId: p.dataset.id, day: q.date }, _sum: SUM_SELECT }),
    tx.conflictEvent.findMany({
      where: { datasetId: p.dataset.id, day: q.date },
      orderBy: [{ fatalities: "desc" }, { sourceEventId: "asc" }],
      take: q.limit,
    }),
  ]);
  return {
    ...p,
    date: q.date,
    day: sums(total._sum),
    events: rows.map((e) => ({
      id: e.sourceEventId,
      date: e.day,
      dateEnd: e.dayEnd,
      precise: e.precise,
      datePrecision: e.datePrecision,
      country: e.country,
      admin1: e.admin1,
      location: e.location,
      eventType: e.eventType,
      subEventType: e.subEventType,
      actor1: e.actor1,
      actor2: e.actor2,
      fatalities: e.fatalities,
      notes: e.notes,
      source: e.source,
    })),
  };
}
