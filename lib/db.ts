import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { resolveDatabaseUrl } from "@/lib/database-url";

export type Db = PrismaClient;

export function createDb(url: string = resolveDatabaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

// One client per process (and per database URL), cached on globalThis so that
// Next's dev-mode module reloading does not open a new connection per reload.
const cache = globalThis as unknown as { __monitorDb?: { url: string; client: PrismaClient } };

export function getDb(): PrismaClient {
  const url = resolveDatabaseUrl();
  if (!cache.__monitorDb || cache.__monitorDb.url !== url) {
    cache.__monitorDb = { url, client: createDb(url) };
  }
  return cache.__monitorDb.client;
}
