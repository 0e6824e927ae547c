import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { rollupDrift } from "./helpers/rollup-drift";
import { onPostgresServer, postgresDatabaseUrl, testBackend } from "./helpers/test-backend";

/**
 * A database that already holds aid records when the rollup migration arrives
 * (every deployment before it) must come out of the migration with an exact
 * rollup: the migration's backfill is checked against the records.
 */
const ROLLUP = "20261130220000_aid_rollup";
const pgBackend = testBackend() === "postgresql";
const dir = path.resolve(pgBackend ? "prisma/postgres/migrations" : "prisma/migrations");
const migrations = fs
  .readdirSync(dir)
  .filter((d) => /^\d{14}_/.test(d))
  .sort();
const before = migrations.filter((m) => m < ROLLUP);
const sqlOf = (m: string) => fs.readFileSync(path.join(dir, m, "migration.sql"), "utf8");

const DATE = (d: string) => (pgBackend ? `'${d}T00:00:00Z'` : `'${d}T00:00:00.000+00:00'`);
const NOW = pgBackend ? "CURRENT_TIMESTAMP" : "'2026-11-30T00:00:00.000+00:00'";
const DATA = `
INSERT INTO "Donor" ("code", "name", "groups") VALUES ('DEU', 'Germany', ''), ('FRA', 'France', '');
INSERT INTO "Dataset" ("id", "name", "kind", "description", "createdAt", "updatedAt") VALUES ('old', 'Old', 'analyst', '', ${NOW}, ${NOW});
INSERT INTO "Source" ("id", "publisher", "title", "url", "createdAt") VALUES
  ('s1', 'P1', 'T1', 'https://one.example', ${NOW}), ('s2', 'P2', 'T2', 'https://two.example', ${NOW});
INSERT INTO "AidRecord" ("id", "datasetId", "externalKey", "donorCode", "date", "periodMonth", "granularity", "category", "subcategory", "measure", "amount", "currency", "notes", "createdAt", "updatedAt") VALUES
  ('r1', 'old', 'k1', 'DEU', ${DATE("2024-03-05")}, 202403, 'day', 'military', NULL, 'allocation', 10, 'EUR', NULL, ${NOW}, ${NOW}),
  ('r2', 'old', 'k2', 'DEU', ${DATE("2024-03-05")}, 202403, 'day', 'military', NULL, 'allocation', 5, 'EUR', NULL, ${NOW}, ${NOW}),
  ('r3', 'old', 'k3', 'FRA', ${DATE("2024-04-01")}, 202404, 'month', 'financial', 'procurement', 'commitment', 7, 'USD', NULL, ${NOW}, ${NOW});
INSERT INTO "AidRecordSource" ("aidRecordId", "sourceId") VALUES ('r1', 's1'), ('r2', 's1'), ('r2', 's2'), ('r3', 's2');
`;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

/** Runs SQL on a fresh database and returns its URL. */
async function freshDatabase(): Promise<{ url: string; exec: (sql: string) => Promise<void>; close: () => Promise<void> }> {
  if (pgBackend) {
    const name = `aem_backfill_${randomBytes(6).toString("hex")}`;
    await onPostgresServer([`CREATE DATABASE "${name}"`]);
    const url = postgresDatabaseUrl(name);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    cleanups.push(() => onPostgresServer([`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]));
    return { url, exec: async (sql) => void (await client.query(sql)), close: () => client.end() };
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aem-backfill-"));
  cleanups.push(async () => fs.rmSync(tmp, { recursive: true, force: true }));
  const file = path.join(tmp, "db.sqlite");
  const conn = new Database(file);
  return { url: `file:${file}`, exec: async (sql) => void conn.exec(sql), close: async () => void conn.close() };
}

describe("the rollup migration's backfill", () => {
  it("sums the records a database already holds", async () => {
    expect(before.length).toBeGreaterThan(0);
    const d = await freshDatabase();
    for (const m of before) await d.exec(sqlOf(m));
    await d.exec(DATA);
    await d.exec(sqlOf(ROLLUP));
    await d.close();
    const db = createDb(d.url);
    try {
      expect(await db.aidRollup.count()).toBe(2);
      expect(await db.aidRollupSource.count()).toBe(3);
      expect(await rollupDrift(db)).toEqual({ cells: [], sources: [] });
    } finally {
      await db.$disconnect();
    }
  }, 60_000);
});
