import { providerOf, type DbTx } from "@/lib/db";
import { numbered } from "@/lib/sql-dialect";

/**
 * Keeps AidRollup and AidRollupSource (prisma/schema.prisma) equal to what
 * their GROUP BY over AidRecord would give. Every write that adds, changes or
 * removes aid records calls one of these in its own transaction, after its
 * writes: a reader's snapshot therefore sees records and rollup of the same
 * moment, and the rollup is never behind.
 *
 * A write rebuilds the cells it may have touched rather than adding deltas:
 * rebuilding is the same SQL for a whole release and for one record, and it
 * cannot drift (a delta would have to know the old row's cell and sources).
 *
 * The SQL is written once with `?` placeholders and double-quoted identifiers,
 * valid on SQLite and PostgreSQL.
 */

/** The cells a write may have touched: a whole dataset, or some of its (measure, month) slices. */
export type RollupScope = { datasetId: string; slices?: { measure: string; periodMonth: number }[] };

/** Runs SQL on the current transaction; `?` placeholders. */
export type SqlExec = (sql: string, params: unknown[]) => Promise<unknown>;

// Column orders of the two primary keys (prisma/schema.prisma). Rows are
// grouped and inserted in key order, so each INSERT appends to its B-tree
// instead of writing all over it: a million records' rollup is written in
// seconds instead of a minute.
const ROLLUP_KEY = ["datasetId", "measure", "periodMonth", "donorCode", "category", "currency", "granularity", "date", "subcategory"];
const SOURCE_KEY = ["datasetId", "measure", "sourceId", "periodMonth", "donorCode", "category", "granularity", "date", "subcategory"];

const quoted = (cols: string[]) => cols.map((c) => `"${c}"`).join(", ");
/** A record's value for a key column: the subcategory is "" when null, the source comes from the link. */
const fromRecord = (c: string) => (c === "subcategory" ? `COALESCE(a."subcategory", '')` : c === "sourceId" ? `l."sourceId"` : `a."${c}"`);

/**
 * The statements that rebuild the rollup for `scope`. With `collected` the
 * rollup is only cleared: the caller inserts what it collected while writing
 * (RollupCollector), because reading a million records back, and looking up
 * each one's source links, costs more than the import's own writes.
 */
export function rollupStatements(scope: RollupScope, o: { collected?: boolean } = {}): { sql: string; params: unknown[] }[] {
  const slices = dedupe(scope.slices);
  if (slices !== undefined && slices.length === 0) return [];
  const filter = (alias: string) =>
    slices === undefined
      ? { sql: `${alias}"datasetId" = ?`, params: [scope.datasetId] }
      : {
          sql: `${alias}"datasetId" = ? AND (${slices.map(() => `(${alias}"measure" = ? AND ${alias}"periodMonth" = ?)`).join(" OR ")})`,
          params: [scope.datasetId, ...slices.flatMap((s) => [s.measure, s.periodMonth])],
        };
  const plain = filter("");
  const rec = filter("a.");
  const rollupKey = ROLLUP_KEY.map(fromRecord).join(", ");
  const sourceKey = SOURCE_KEY.map(fromRecord).join(", ");
  const clear = [
    { sql: `DELETE FROM "AidRollup" WHERE ${plain.sql}`, params: plain.params },
    { sql: `DELETE FROM "AidRollupSource" WHERE ${plain.sql}`, params: plain.params },
  ];
  if (o.collected) return clear;
  return [
    ...clear,
    {
      sql: `INSERT INTO "AidRollup" (${quoted(ROLLUP_KEY)}, "amount", "recordCount")
            SELECT ${rollupKey}, SUM(a."amount"), COUNT(*) FROM "AidRecord" a WHERE ${rec.sql}
             GROUP BY ${rollupKey} ORDER BY ${rollupKey}`,
      params: rec.params,
    },
    {
      sql: `INSERT INTO "AidRollupSource" (${quoted(SOURCE_KEY)})
            SELECT DISTINCT ${sourceKey} FROM "AidRecord" a JOIN "AidRecordSource" l ON l."aidRecordId" = a."id"
             WHERE ${rec.sql} ORDER BY ${sourceKey}`,
      params: rec.params,
    },
  ];
}

/** Rebuilds the rollup cells of `scope` with `exec` (a raw-SQL runner on the write's transaction). */
export async function refreshAidRollup(exec: SqlExec, scope: RollupScope, o: { collected?: boolean } = {}): Promise<void> {
  for (const s of rollupStatements(scope, o)) await exec(s.sql, s.params);
}

/** A record as the rollup sees it (`date` in the form the writer stores it). */
export interface RollupRecord {
  measure: string;
  periodMonth: number;
  donorCode: string;
  category: string;
  currency: string;
  granularity: string;
  /** The day (YYYY-MM-DD), to tell cells apart… */
  day: string;
  /** …and the value written to the date column. */
  date: unknown;
  subcategory: string | null;
  amount: number;
}

type Row = { sort: string; values: unknown[] };
const byKey = (a: Row, b: Row) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0);
const NUL = "\u0000";

/**
 * The rollup of a dataset that a writer builds from the records it writes,
 * when it writes all of them (import:aid of a new dataset or with --replace).
 * Memory grows with cells × sources, not with records.
 */
export class RollupCollector {
  private readonly sums = new Map<string, { r: RollupRecord; amount: number; count: number }>();
  private readonly sources = new Map<string, { r: RollupRecord; ids: Set<string> }>();
  add(r: RollupRecord, sourceIds: string[]): void {
    // A template literal: an array join per row is measurable over a million rows.
    const cell = `${r.measure}${NUL}${r.periodMonth}${NUL}${r.donorCode}${NUL}${r.category}${NUL}${r.granularity}${NUL}${r.day}${NUL}${r.subcategory ?? ""}`;
    const sumKey = `${cell}${NUL}${r.currency}`;
    let sum = this.sums.get(sumKey);
    if (!sum) this.sums.set(sumKey, (sum = { r, amount: 0, count: 0 }));
    sum.amount += r.amount;
    sum.count += 1;
    let src = this.sources.get(cell);
    if (!src) this.sources.set(cell, (src = { r, ids: new Set() }));
    for (const s of sourceIds) src.ids.add(s);
  }
  /** AidRollup rows (ROLLUP_KEY, amount, recordCount), sorted by the key so inserts append. */
  sumRows(datasetId: string): unknown[][] {
    const out: Row[] = [];
    for (const { r, amount, count } of this.sums.values()) {
      const sub = r.subcategory ?? "";
      out.push({
        sort: [r.measure, String(r.periodMonth), r.donorCode, r.category, r.currency, r.granularity, r.day, sub].join(NUL),
        values: [datasetId, r.measure, r.periodMonth, r.donorCode, r.category, r.currency, r.granularity, r.date, sub, amount, count],
      });
    }
    return out.sort(byKey).map((x) => x.values);
  }
  /** AidRollupSource rows (SOURCE_KEY), sorted by the key. */
  sourceRows(datasetId: string): unknown[][] {
    const out: Row[] = [];
    for (const { r, ids } of this.sources.values()) {
      const sub = r.subcategory ?? "";
      for (const s of ids) {
        out.push({
          sort: [r.measure, s, String(r.periodMonth), r.donorCode, r.category, r.granularity, r.day, sub].join(NUL),
          values: [datasetId, r.measure, s, r.periodMonth, r.donorCode, r.category, r.granularity, r.date, sub],
        });
      }
    }
    return out.sort(byKey).map((x) => x.values);
  }
}

/** Multi-row INSERTs of RollupCollector rows, for the rollup table `table`. */
export function collectedInsert(table: "AidRollup" | "AidRollupSource", n: number): string {
  const cols = table === "AidRollup" ? [...ROLLUP_KEY, "amount", "recordCount"] : SOURCE_KEY;
  const one = `(${cols.map(() => "?").join(", ")})`;
  return `INSERT INTO "${table}" (${quoted(cols)}) VALUES ${Array.from({ length: n }, () => one).join(", ")}`;
}

/** Columns per row of collectedInsert. */
export const COLLECTED_COLUMNS = { AidRollup: ROLLUP_KEY.length + 2, AidRollupSource: SOURCE_KEY.length } as const;

/** The same, through a Prisma transaction client (mutations, seed, Kiel import). */
export async function refreshAidRollupTx(tx: DbTx, scope: RollupScope): Promise<void> {
  const pg = providerOf(tx) === "postgresql";
  await refreshAidRollup((sql, params) => tx.$executeRawUnsafe(pg ? numbered(sql) : sql, ...params), scope);
}

function dedupe(slices: RollupScope["slices"]): RollupScope["slices"] {
  if (!slices) return undefined;
  const seen = new Map(slices.map((s) => [`${s.measure}|${s.periodMonth}`, s]));
  return [...seen.values()];
}
