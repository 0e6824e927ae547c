import Database from "better-sqlite3";
import { providerOf, type Db, type DbTx } from "@/lib/db";
import { writeTransaction } from "@/lib/data-version";
import { databaseFilePath } from "@/lib/database-url";
import { numbered, sqliteDateText } from "@/lib/sql-dialect";

export { sqliteDateText };

/**
 * The few SQL operations the aid importer needs, on either database. SQL is
 * written once with `?` placeholders and double-quoted identifiers (valid on
 * both); the PostgreSQL runner numbers the placeholders ($1, $2, …).
 *
 * SQLite goes through its own better-sqlite3 connection: prepared multi-row
 * statements in one transaction write about fifty times faster than Prisma's
 * createMany through the adapter (measured on these machines: the "Bulk writes" section of the developers' STACK.md).
 * PostgreSQL goes through Prisma's transaction client ($executeRawUnsafe).
 */
export interface SqlRunner {
  readonly dialect: "sqlite" | "postgresql";
  /** Parameters per statement the database accepts, with a margin. */
  readonly maxParams: number;
  exec(sql: string, params?: unknown[]): Promise<number>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** A DateTime column value in the form the Prisma adapter itself writes and reads back. */
  dateParam(d: Date): unknown;
}

export interface SqlConnection {
  readonly dialect: SqlRunner["dialect"];
  /** Reads outside any transaction (dry runs, checks before writing). */
  reader: SqlRunner;
  /** Runs `fn` in one write transaction that bumps the data version first; all or nothing. */
  write<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const WRITE_TIMEOUT_MS = 900_000;
const BUSY_TIMEOUT_MS = 120_000;

class SqliteRunner implements SqlRunner {
  readonly dialect = "sqlite" as const;
  // SQLite's limit is 32,766 variables per statement.
  readonly maxParams = 30_000;
  private readonly statements = new Map<string, Database.Statement>();
  constructor(private readonly conn: Database.Database) {}
  private prepare(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.conn.prepare(sql);
      if (this.statements.size > 64) this.statements.clear();
      this.statements.set(sql, s);
    }
    return s;
  }
  async exec(sql: string, params: unknown[] = []): Promise<number> {
    return this.prepare(sql).run(...params).changes;
  }
  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.prepare(sql).all(...params) as T[];
  }
  dateParam(d: Date): unknown {
    return sqliteDateText(d);
  }
}

class PostgresRunner implements SqlRunner {
  readonly dialect = "postgresql" as const;
  // PostgreSQL's limit is 65,535 parameters per statement.
  readonly maxParams = 60_000;
  constructor(private readonly db: DbTx) {}
  async exec(sql: string, params: unknown[] = []): Promise<number> {
    return this.db.$executeRawUnsafe(numbered(sql), ...params);
  }
  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.db.$queryRawUnsafe<T[]>(numbered(sql), ...params);
  }
  dateParam(d: Date): unknown {
    return d;
  }
}

/** Opens the importer's connection to the database `db` talks to (`url` is that database's URL). */
export function openSqlConnection(db: Db, url: string): SqlConnection {
  if (providerOf(db) === "postgresql") {
    const reader = new PostgresRunner(db);
    return {
      dialect: "postgresql",
      reader,
      write: (fn) => writeTransaction(db, (tx) => fn(new PostgresRunner(tx)), { timeoutMs: WRITE_TIMEOUT_MS }),
      close: async () => {},
    };
  }
  const file = databaseFilePath(url);
  if (!file) throw new Error("openSqlConnection: not an SQLite URL");
  const conn = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  // Every reference the import writes (donor, dataset, source) is checked before the
  // transaction; per-row foreign-key lookups would only slow the bulk insert.
  conn.pragma("foreign_keys = OFF");
  // A million rows go into five indexes in key orders unrelated to the file's:
  // SQLite's default 2 MB page cache makes most inserts read pages back. 32 MB
  // is as fast here and keeps the import within its memory budget.
  conn.pragma("cache_size = -32768");
  conn.pragma("temp_store = MEMORY");
  const runner = new SqliteRunner(conn);
  return {
    dialect: "sqlite",
    reader: runner,
    async write(fn) {
      // IMMEDIATE takes the write lock now (waiting on the busy timeout), so the
      // comparison and the writes see one state of the dataset.
      conn.exec("BEGIN IMMEDIATE");
      try {
        await bumpDataVersionSql(runner);
        const out = await fn(runner);
        conn.exec("COMMIT");
        return out;
      } catch (e) {
        if (conn.inTransaction) conn.exec("ROLLBACK");
        throw e;
      }
    },
    close: async () => {
      conn.close();
    },
  };
}

/** lib/data-version.ts's bump, in plain SQL, for the SQLite connection that bypasses Prisma. */
async function bumpDataVersionSql(tx: SqlRunner): Promise<void> {
  await tx.exec(
    `INSERT INTO "DataVersion" ("id", "version", "updatedAt") VALUES (1, 1, ?)
     ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1, "updatedAt" = excluded."updatedAt"`,
    [tx.dateParam(new Date())],
  );
}
