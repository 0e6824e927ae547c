/**
 * One data model, two backends: prisma/schema.prisma is the definition; the
 * PostgreSQL schema is derived from it, and each backend's migrations must
 * build exactly the database its schema describes. A change to the model
 * without a migration for both backends fails here.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, toPostgresSchema } from "@/scripts/postgres-schema";
import { migrateDatabase } from "@/lib/migrate-database";
import { onPostgresServer, postgresDatabaseUrl, testBackend } from "./helpers/test-backend";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-drift-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The SQL Prisma would write to create `schema` from nothing. */
function createScript(schema: string): string {
  const cli = path.join(process.cwd(), "node_modules", "prisma", "build", "index.js");
  return execFileSync(process.execPath, [cli, "migrate", "diff", "--from-empty", "--to-schema-datamodel", schema, "--script"], {
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "unused.db")}` },
    stdio: ["ignore", "pipe", "pipe"],
  }).toString();
}

function describeSqlite(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    return tables.map((t) => ({
      table: t,
      columns: db.pragma(`table_info("${t}")`),
      foreignKeys: db.pragma(`foreign_key_list("${t}")`),
      indexes: (db.pragma(`index_list("${t}")`) as { name: string; unique: number }[])
        .map((i) => ({ name: i.name, unique: i.unique, columns: (db.pragma(`index_info("${i.name}")`) as { name: string }[]).map((c) => c.name) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    }));
  } finally {
    db.close();
  }
}

async function describePostgres(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name != '_prisma_migrations' ORDER BY table_name, column_name`,
    );
    const indexes = await client.query(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename != '_prisma_migrations' ORDER BY indexname`,
    );
    const constraints = await client.query(
      `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE connamespace = 'public'::regnamespace ORDER BY conname`,
    );
    return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows.filter((c) => c.table_name !== "_prisma_migrations") };
  } finally {
    await client.end();
  }
}

describe("the data model on both backends", () => {
  it("derives prisma/postgres/schema.prisma from prisma/schema.prisma (run `npm run db:pg-schema` after a change)", () => {
    expect(fs.readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(toPostgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8")));
  });

  it("SQLite: the migrations build exactly the database the schema describes", async () => {
    const migrated = path.join(dir, "migrated.db");
    await migrateDatabase(`file:${migrated}`);
    const expected = path.join(dir, "expected.db");
    const db = new Database(expected);
    db.exec(createScript(SQLITE_SCHEMA));
    db.close();
    expect(describeSqlite(migrated)).toEqual(describeSqlite(expected));
  });

  it.runIf(testBackend() === "postgresql")("PostgreSQL: the migrations build exactly the database the schema describes", async () => {
    const names = [`aem_drift_m_${randomBytes(4).toString("hex")}`, `aem_drift_e_${randomBytes(4).toString("hex")}`];
    await onPostgresServer(names.map((n) => `CREATE DATABASE "${n}"`));
    try {
      await migrateDatabase(postgresDatabaseUrl(names[0]));
      const client = new pg.Client({ connectionString: postgresDatabaseUrl(names[1]) });
      await client.connect();
      await client.query(createScript(POSTGRES_SCHEMA));
      await client.end();
      expect(await describePostgres(postgresDatabaseUrl(names[0]))).toEqual(await describePostgres(postgresDatabaseUrl(names[1])));
    } finally {
      await onPostgresServer(names.map((n) => `DROP DATABASE IF EXISTS "${n}" WITH (FORCE)`));
    }
  });
});
