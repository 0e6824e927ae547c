import Database from "better-sqlite3";

export interface DbState {
  /** SQLite's data_version: changes whenever another connection commits a write. */
  dataVersion: number;
  /** Rows per table. */
  counts: Record<string, number>;
}

/**
 * Watches an SQLite database from a read-only connection of its own, so that a
 * test can say whether a request changed any row: every table's row count, and
 * `PRAGMA data_version`, which moves on any write another connection commits
 * (the app's Prisma adapter and the importers' own connections alike).
 */
export function watchSqlite(url: string): { state: () => DbState; close: () => void } {
  const file = url.replace(/^file:/, "");
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const tables = () =>
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
      (t) => t.name,
    );
  return {
    state: () => {
      const counts: Record<string, number> = {};
      for (const t of tables()) counts[t] = (db.prepare(`SELECT count(*) AS n FROM "${t.replace(/"/g, '""')}"`).get() as { n: number }).n;
      return { dataVersion: db.pragma("data_version", { simple: true }) as number, counts };
    },
    close: () => db.close(),
  };
}

/** The tables whose row count differs, e.g. `AidRecord 5 → 6`. */
export function changedTables(before: DbState, after: DbState): string[] {
  const names = new Set([...Object.keys(before.counts), ...Object.keys(after.counts)]);
  return [...names].filter((n) => before.counts[n] !== after.counts[n]).map((n) => `${n} ${before.counts[n]} → ${after.counts[n]}`);
}
