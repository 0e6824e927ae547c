import { providerOf, sameProviderAs, type Db, type DbTx } from "@/lib/db";
import { readSqliteDataVersion } from "@/lib/data-version-sqlite";

/**
 * The data version: one counter bumped inside every write and import
 * transaction. It is what ETags and the aggregate cache are keyed by, so a
 * committed write changes both at once, on every app instance sharing the
 * database.
 */
const ROW_ID = 1;

// Imports of a million rows hold the write lock for tens of seconds; a writer
// or reader that meets one waits instead of failing.
const WAIT_MS = 120_000;
const WRITE_TIMEOUT_MS = 600_000;
const READ_TIMEOUT_MS = 60_000;

/**
 * The version as a token: the counter plus the time of the last bump. The
 * time makes two databases at the same count (a test database copied from one
 * template, a database recreated under the same URL) different versions.
 */
export async function readDataVersion(db: DbTx): Promise<string> {
  const row = await db.dataVersion.findUnique({ where: { id: ROW_ID }, select: { version: true, updatedAt: true } });
  return versionToken(row);
}

/**
 * The same outside any transaction, as fast as the backend allows: on SQLite
 * straight from the file (lib/data-version-sqlite.ts), else through the client.
 * For the cache check before a response is computed; the computed response
 * reads the version again inside its snapshot.
 */
export async function readCurrentDataVersion(db: Db, url: string): Promise<string> {
  if (providerOf(db) === "postgresql") return readDataVersion(db);
  return versionToken(readSqliteDataVersion(url));
}

function versionToken(row: { version: number; updatedAt: Date } | null): string {
  return row ? `${row.version}.${row.updatedAt.getTime().toString(36)}` : "0";
}

export async function bumpDataVersion(tx: DbTx): Promise<number> {
  const row = await tx.dataVersion.upsert({
    where: { id: ROW_ID },
    create: { id: ROW_ID, version: 1 },
    update: { version: { increment: 1 } },
    select: { version: true },
  });
  return row.version;
}

/**
 * Runs `fn` in one write transaction that bumps the data version first. Going
 * first matters on SQLite: the transaction takes the write lock (waiting on the
 * busy timeout for a running import) before it reads anything, so it can never
 * fail later with a stale snapshot.
 */
export function writeTransaction<T>(db: Db, fn: (tx: DbTx) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await bumpDataVersion(tx);
      return fn(sameProviderAs(tx, db));
    },
    { maxWait: WAIT_MS, timeout: options.timeoutMs ?? WRITE_TIMEOUT_MS },
  );
}

/**
 * Runs the reads of one response in one transaction, so they all see the same
 * snapshot and a response can never mix two releases. PostgreSQL needs
 * REPEATABLE READ for that (READ COMMITTED takes a snapshot per statement);
 * SQLite's only level, SERIALIZABLE, already does it.
 */
export function readSnapshot<T>(db: Db, fn: (tx: DbTx) => Promise<T>): Promise<T> {
  const pg = providerOf(db) === "postgresql";
  // The SQLite client's types know only "Serializable"; the PostgreSQL client
  // (same API, see lib/db.ts) takes "RepeatableRead".
  const isolation = (pg ? { isolationLevel: "RepeatableRead" } : {}) as { isolationLevel?: "Serializable" };
  return db.$transaction((tx) => fn(sameProviderAs(tx, db)), { maxWait: WAIT_MS, timeout: READ_TIMEOUT_MS, ...isolation });
}
