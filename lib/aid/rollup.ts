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
 * The statements that rebuild the rollup for `scope`. With `sourcesKnown` the
 * source rollup is only cleared: the caller inserts it from what it wrote
 * (SourceRollupCollector), because rebuilding it from a million record links
 * means a million index lookups.
 */
export function rollupStatements(scope: RollupScope, o: { sourcesKnown?: boolean } = {}): { sql: string; params: unknown[] }[] {
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
  return [
    { sql: `DELETE FROM "AidRollup" WHERE ${plain.sql}`, params: plain.params },
    {
      sql: `INSERT INTO "AidRollup" (${quoted(ROLLUP_KEY)}, "amount", "recordCount")
            SELECT ${rollupKey}, SUM(a."amount"), COUNT(*) FROM "AidRecord" a WHERE ${rec.sql}
             GROUP BY ${rollupKey} ORDER BY ${rollupKey}`,
      params: rec.params,
    },
    { sql: `DELETE FROM "AidRollupSource" WHERE ${plain.sql}`, params: plain.params },
    ...(o.sourcesKnown
      ? []
      : [
          {
            sql: `INSERT INTO "AidRollupSource" (${quoted(SOURCE_KEY)})
                  SELECT DISTINCT ${sourceKey} FROM "AidRecord" a JOIN "AidRecordSource" l ON l."aidRecordId" = a."id"
                   WHERE ${rec.sql} ORDER BY ${sourceKey}`,
            params: rec.params,
          },
        ]),
  ];
}

/** Rebuilds the rollup cells of `scope` with `exec` (a raw-SQL runner on the write's transaction). */
export async function refreshAidRollup(exec: SqlExec, scope: RollupScope, o: { sourcesKnown?: boolean } = {}): Promise<void> {
  for (const s of rollupStatements(scope, o)) await exec(s.sql, s.params);
}

/** A record as the source rollup sees it (`date` in the form the writer stores it). */
export interface SourceRollupRecord {
  measure: string;
  periodMonth: number;
  donorCode: string;
  category: string;
  granularity: string;
  /** The day (YYYY-MM-DD), to tell cells apart… */
  day: string;
  /** …and the value written to the date column. */
  date: unknown;
  subcategory: string | null;
}

/**
 * The source rollup of a dataset that a writer builds from the records it
 * writes, when it writes all of them (import:aid of a new dataset or with
 * --replace). Memory grows with cells × sources, not with records.
 */
export class SourceRollupCollector {
  private readonly cells = new Map<string, { record: SourceRollupRecord; sources: Set<string> }>();
  add(r: SourceRollupRecord, sourceIds: string[]): void {
    const key = [r.measure, r.periodMonth, r.donorCode, r.category, r.granularity, r.day, r.subcategory ?? ""].join("\u0000");
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { record: r, sources: new Set() }));
    for (const s of sourceIds) cell.sources.add(s);
  }
  /** The AidRollupSource rows (values in SOURCE_KEY order), sorted by that key so inserts append. */
  rows(datasetId: string): unknown[][] {
    const out: { sort: string; values: unknown[] }[] = [];
    for (const { record: r, sources } of this.cells.values()) {
      for (const s of sources) {
        const sub = r.subcategory ?? "";
        out.push({
          sort: [r.measure, s, String(r.periodMonth), r.donorCode, r.category, r.granularity, r.day, sub].join("\u0000"),
          values: [datasetId, r.measure, s, r.periodMonth, r.donorCode, r.category, r.granularity, r.date, sub],
        });
      }
    }
    out.sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
    return out.map((x) => x.values);
  }
}

/** The INSERT for `n` rows of SourceRollupCollector.rows(). */
export function sourceRollupInsert(n: number): string {
  const one = `(${SOURCE_KEY.map(() => "?").join(", ")})`;
  return `INSERT INTO "AidRollupSource" (${quoted(SOURCE_KEY)}) VALUES ${Array.from({ length: n }, () => one).join(", ")}`;
}

/** Columns per row of sourceRollupInsert. */
export const SOURCE_ROLLUP_COLUMNS = SOURCE_KEY.length;

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
