import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { createDb, type Db } from "@/lib/db";
import { loadSeed } from "@/lib/seed/load-seed";
import { readSeedData } from "@/lib/seed/seed-files";
import { onPostgresServer, postgresDatabaseUrl, testBackend } from "./test-backend";

export interface TestDatabase {
  url: string;
  db: Db;
  cleanup: () => Promise<void>;
}

/**
 * A fresh migrated database: a copy of the SQLite template file, or on
 * PostgreSQL a new database made from the migrated template database. Sets
 * DATABASE_URL so that route handlers (which use getDb()) read the same one.
 */
export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const t = testBackend() === "postgresql" ? await createPostgresDatabase() : createSqliteDatabase();
  process.env.DATABASE_URL = t.url;
  const db = createDb(t.url);
  if (options.seed) await loadSeed(db, readSeedData());
  return {
    url: t.url,
    db,
    cleanup: async () => {
      await db.$disconnect();
      await t.remove();
    },
  };
}

function createSqliteDatabase(): { url: string; remove: () => Promise<void> } {
  const template = process.env.AEM_TEMPLATE_DB;
  if (!template || !fs.existsSync(template)) throw new Error("tests/global-setup.ts did not create the template database");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-test-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(template, file);
  return { url: `file:${file}`, remove: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

async function createPostgresDatabase(): Promise<{ url: string; remove: () => Promise<void> }> {
  const template = process.env.AEM_TEMPLATE_PG;
  if (!template) throw new Error("tests/global-setup.ts did not create the template database");
  const name = `aem_test_${randomBytes(6).toString("hex")}`;
  await onPostgresServer([`CREATE DATABASE "${name}" TEMPLATE "${template}"`]);
  return {
    url: postgresDatabaseUrl(name),
    remove: () => onPostgresServer([`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]),
  };
}
