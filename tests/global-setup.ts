import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { migrateDatabase } from "@/lib/migrate-database";
import { onPostgresServer, postgresDatabaseUrl, testBackend } from "./helpers/test-backend";

/**
 * Applies the real migrations once, with `prisma migrate deploy`, to a template
 * database; each integration test copies it (an SQLite file copy, or
 * PostgreSQL's CREATE DATABASE … TEMPLATE).
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (testBackend() === "postgresql") {
    const name = `aem_template_${randomBytes(6).toString("hex")}`;
    await onPostgresServer([`CREATE DATABASE "${name}"`]);
    await migrateDatabase(postgresDatabaseUrl(name));
    process.env.AEM_TEMPLATE_PG = name;
    return () => onPostgresServer([`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-template-"));
  const file = path.join(dir, "template.db");
  await migrateDatabase(`file:${file}`);
  process.env.AEM_TEMPLATE_DB = file;
  return async () => fs.rmSync(dir, { recursive: true, force: true });
}
