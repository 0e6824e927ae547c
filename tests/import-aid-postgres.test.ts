import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { migrateDatabase } from "@/lib/migrate-database";
import { loadSeed } from "@/lib/seed/load-seed";
import { readSeedData } from "@/lib/seed/seed-files";
import { onPostgresServer, postgresDatabaseUrl } from "./helpers/test-backend";
import { AidImportValidationError, importAidCsv } from "@/lib/import/aid/import-aid-csv";

/**
 * import:aid on PostgreSQL, whatever TEST_BACKEND says. Needs TEST_POSTGRES_URL
 * (a server URL whose user may create databases, as for `npm run test:pg`): the
 * test creates its own database, migrates and seeds it, and drops it after.
 */
/** The DataVersion row's counter (bumped once per write transaction). */
async function versionCounter(db: { dataVersion: { findUnique: (a: { where: { id: number } }) => Promise<{ version: number } | null> } }): Promise<number> {
  return (await db.dataVersion.findUnique({ where: { id: 1 } }))?.version ?? 0;
}

const server = process.env.TEST_POSTGRES_URL;
if (!server)
  console.warn("tests/import-aid-postgres.test.ts skipped: set TEST_POSTGRES_URL=postgresql://user@host:port/postgres to run import:aid on PostgreSQL");
const name = `aem_import_aid_${randomBytes(5).toString("hex")}`;

describe.skipIf(!server)("import:aid on PostgreSQL", () => {
  let db: Db;
  let url: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-aid-pg-"));
  const datasetId = "pg-test";
  const file = (name: string, lines: string[]) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, ["date,donor_code,category,measure,amount,currency,source_urls,source_publishers,notes,external_key", ...lines].join("\n") + "\n");
    return f;
  };
  const row = (key: string, amount: number) => `2024-0${(amount % 9) + 1}-15,DEU,financial,allocation,${amount},USD,https://pg.example/${key},PG pub,,${key}`;

  beforeAll(async () => {
    await onPostgresServer([`CREATE DATABASE "${name}"`], server!);
    url = postgresDatabaseUrl(name, server!);
    await migrateDatabase(url);
    db = createDb(url);
    await loadSeed(db, readSeedData());
  }, 120_000);
  afterAll(async () => {
    await db?.$disconnect();
    if (server) await onPostgresServer([`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`], server);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("imports, finds the same file unchanged, replaces, and rejects bad rows without writing", async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => row(`k${i}`, i + 1));
    const version = await versionCounter(db);
    const first = await importAidCsv(db, url, { file: file("a.csv", lines), datasetId, name: "PG test" });
    expect(first.outcome).toBe("imported");
    expect(first.change.added).toBe(5000);
    expect(await versionCounter(db)).toBe(version + 1);
    expect(await db.aidRecord.count({ where: { datasetId } })).toBe(5000);
    const rec = await db.aidRecord.findFirstOrThrow({ where: { datasetId, externalKey: "k0" }, include: { sources: true } });
    expect(rec.date.toISOString()).toBe("2024-02-15T00:00:00.000Z");
    expect(rec.periodMonth).toBe(202402);
    expect(rec.sources).toHaveLength(1);

    const again = await importAidCsv(db, url, { file: file("a.csv", lines), datasetId });
    expect(again.outcome).toBe("unchanged");

    const replaced = await importAidCsv(db, url, { file: file("b.csv", [row("k0", 1), row("k1", 99)]), datasetId, replace: true });
    expect(replaced.change).toMatchObject({ added: 0, updated: 1, unchanged: 1, removed: 4998 });
    expect(await db.aidRecord.count({ where: { datasetId } })).toBe(2);

    const bad = await importAidCsv(db, url, { file: file("c.csv", [row("k5", 5), row("k6", 6).replace(",USD,", ",usd!,")]), datasetId }).catch((e) => e);
    expect(bad).toBeInstanceOf(AidImportValidationError);
    expect(bad.problems[0]).toMatchObject({ line: 3, column: "currency" });
    expect(await db.aidRecord.count({ where: { datasetId } })).toBe(2);
  }, 120_000);
});
