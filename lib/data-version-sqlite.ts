import fs from "node:fs";
import Database from "better-sqlite3";
import { databaseFilePath } from "@/lib/database-url";

/**
 * The data version read straight from the SQLite file, for the hot path of
 * every cached response (lib/snapshot-response.ts): one prepared statement on
 * a read-only connection costs microseconds, a query through the ORM about a
 * millisecond, which under load halved the requests a second the cache could
 * answer. In WAL mode a statement outside a transaction sees the last commit,
 * so a write (through any process) is seen at once.
 */
const connections = new Map<string, { inode: number; conn: Database.Database; statement: Database.Statement }>();

function statementFor(file: string): Database.Statement {
  // A file replaced under the same name (a restored backup, a test database)
  // is a new database: the connection to the old one must not answer for it.
  const inode = fs.statSync(file).ino;
  let c = connections.get(file);
  if (!c || c.inode !== inode) {
    c?.conn.close();
    const conn = new Database(file, { fileMustExist: true, timeout: 5_000 });
    c = { inode, conn, statement: conn.prepare(`SELECT "version", "updatedAt" FROM "DataVersion" WHERE "id" = 1`) };
    connections.set(file, c);
  }
  return c.statement;
}

/** The version token (lib/data-version.ts versionToken) of the SQLite database at `url`. */
export function readSqliteDataVersion(url: string): { version: number; updatedAt: Date } | null {
  const file = databaseFilePath(url);
  if (!file) throw new Error("readSqliteDataVersion: not an SQLite URL");
  const row = statementFor(file).get() as { version: number; updatedAt: string | number } | undefined;
  return row ? { version: row.version, updatedAt: sqliteDate(row.updatedAt) } : null;
}

/**
 * A DATETIME as SQLite holds it: ISO text with an offset (what the ORM's
 * adapter and the importer write), "YYYY-MM-DD HH:MM:SS" in UTC (CURRENT_TIMESTAMP
 * in a migration), or milliseconds since the epoch.
 */
export function sqliteDate(v: string | number): Date {
  if (typeof v === "number") return new Date(v);
  return new Date(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(v) ? `${v.replace(" ", "T")}Z` : v);
}
