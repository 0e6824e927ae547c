import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "@/generated/prisma-pg/client";
import { databaseProvider, resolveDatabaseUrl, type DatabaseProvider } from "@/lib/database-url";

/**
 * The app is written against the SQLite client's types. The PostgreSQL client
 * is generated from the same model (prisma/postgres/schema.prisma is derived
 * from prisma/schema.prisma), so its API is the same and it is used through
 * that one type.
 */
export type Db = PrismaClient;
/** A client or an interactive transaction: what reads and writes take. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

// A writer that meets a running import waits for it (up to this long) instead
// of failing at once with SQLITE_BUSY.
const SQLITE_BUSY_TIMEOUT_MS = 120_000;

const providers = new WeakMap<object, DatabaseProvider>();

export function createDb(url: string = resolveDatabaseUrl()): Db {
  const provider = databaseProvider(url);
  const db =
    provider === "postgresql"
      ? (new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize() }) }) as unknown as Db)
      : new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS }) });
  providers.set(db, provider);
  return db;
}

/** Which backend a client talks to (clients made by createDb, and transactions marked by sameProviderAs). */
export function providerOf(db: DbTx): DatabaseProvider {
  return providers.get(db) ?? "sqlite";
}

/** Marks a transaction client with its client's backend, so raw SQL inside it can pick its dialect. */
export function sameProviderAs<T extends DbTx>(tx: T, db: DbTx): T {
  providers.set(tx, providerOf(db));
  return tx;
}

function poolSize(): number {
  const n = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

// One client per process (and per database URL), cached on globalThis so that
// Next's dev-mode module reloading does not open a new connection per reload.
const cache = globalThis as unknown as { __monitorDb?: { url: string; client: Db } };

export function getDb(): Db {
  const url = resolveDatabaseUrl();
  if (!cache.__monitorDb || cache.__monitorDb.url !== url) {
    cache.__monitorDb = { url, client: createDb(url) };
  }
  return cache.__monitorDb.client;
}
