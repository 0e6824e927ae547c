import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "@/lib/db";
import { loadSeed } from "@/lib/seed/load-seed";
import { readSeedData } from "@/lib/seed/seed-files";

export interface TestDatabase {
  url: string;
  file: string;
  db: Db;
  cleanup: () => Promise<void>;
}

/**
 * A fresh migrated SQLite database in a temporary folder. Sets DATABASE_URL so
 * that route handlers (which use getDb()) read the same file.
 */
export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const template = process.env.AEM_TEMPLATE_DB;
  if (!template || !fs.existsSync(template)) throw new Error("tests/global-setup.ts did not create the template database");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-test-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(template, file);
  const url = `file:${file}`;
  process.env.DATABASE_URL = url;
  const db = createDb(url);
  if (options.seed) await loadSeed(db, readSeedData());
  return {
    url,
    file,
    db,
    cleanup: async () => {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
