import { providerOf, type DbTx } from "@/lib/db";
import { numbered } from "@/lib/sql-placeholders";

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

const CELL = `"datasetId", "measure", "periodMonth", "donorCode", "category", "granularity", "date"`;

/** The statements that rebuild the rollup for `scope` (exported for the migration backfill's test). */
export function rollupStatements(scope: RollupScope): { sql: string; params: unknown[] }[] {
  const slices = dedupe(scope.slices);
  const filter = (alias: string) =>
    slices === undefined
      ? { sql: `${alias}"datasetId" = ?`, params: [scope.datasetId] }
      : {
          sql: `${alias}"datasetId" = ? AND (${slices.map(() => `(${alias}"measure" = ? AND ${alias}"periodMonth" = ?)`).join(" OR ")})`,
          params: [scope.datasetId, ...slices.flatMap((s) => [s.measure, s.periodMonth])],
        };
  if (slices !== undefined && slices.length === 0) return [];
  const plain = filter("");
  const rec = filter("a.");
  return [
    { sql: `DELETE FROM "AidRollup" WHERE ${plain.sql}`, params: plain.params },
    {
      sql: `INSERT INTO "AidRollup" (${CELL}, "currency", "subcategory", "amount", "recordCount")
            SELECT ${CELL}, "currency", COALESCE("subcategory", ''), SUM("amount"), COUNT(*)
              FROM "AidRecord" WHERE ${plain.sql}
             GROUP BY ${CELL}, "currency", COALESCE("subcategory", '')`,
      params: plain.params,
    },
    { sql: `DELETE FROM "AidRollupSource" WHERE ${plain.sql}`, params: plain.params },
    {
      sql: `INSERT INTO "AidRollupSource" (${CELL}, "subcategory", "sourceId")
            SELECT DISTINCT ${prefixed("a.")}, COALESCE(a."subcategory", ''), l."sourceId"
              FROM "AidRecord" a JOIN "AidRecordSource" l ON l."aidRecordId" = a."id"
             WHERE ${rec.sql}`,
      params: rec.params,
    },
  ];
}

/** Rebuilds the rollup cells of `scope` with `exec` (a raw-SQL runner on the write's transaction). */
export async function refreshAidRollup(exec: SqlExec, scope: RollupScope): Promise<void> {
  for (const s of rollupStatements(scope)) await exec(s.sql, s.params);
}

/** The same, through a Prisma transaction client (mutations, seed, Kiel import). */
export async function refreshAidRollupTx(tx: DbTx, scope: RollupScope): Promise<void> {
  const pg = providerOf(tx) === "postgresql";
  await refreshAidRollup((sql, params) => tx.$executeRawUnsafe(pg ? numbered(sql) : sql, ...params), scope);
}

function prefixed(alias: string): string {
  return CELL.split(", ").map((c) => alias + c).join(", ");
}

function dedupe(slices: RollupScope["slices"]): RollupScope["slices"] {
  if (!slices) return undefined;
  const seen = new Map(slices.map((s) => [`${s.measure}|${s.periodMonth}`, s]));
  return [...seen.values()];
}
