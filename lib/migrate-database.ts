import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFilePath, databaseProvider, redactUrl, resolveDatabaseUrl } from "@/lib/database-url";
import { migratePostgres, postgresMigrationsDir } from "@/lib/migrate-postgres";

const root = () => process.env.MONITOR_ROOT ?? process.cwd();

/**
 * Applies pending migrations: on SQLite with `prisma migrate deploy` (the same
 * command an operator runs), creating the file and its folder when missing; on
 * PostgreSQL with lib/migrate-postgres.ts (see there why).
 */
export async function migrateDatabase(url: string = resolveDatabaseUrl()): Promise<void> {
  if (databaseProvider(url) === "postgresql") {
    await migratePostgres(url, postgresMigrationsDir(root()));
    return;
  }
  const file = databaseFilePath(url);
  if (file) fs.mkdirSync(path.dirname(file), { recursive: true });
  const cli = path.join(root(), "node_modules", "prisma", "build", "index.js");
  try {
    execFileSync(process.execPath, [cli, "migrate", "deploy"], {
      cwd: root(),
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (cause) {
    const err = cause as { stdout?: Buffer; stderr?: Buffer };
    const detail = `${err.stdout?.toString() ?? ""}${err.stderr?.toString() ?? ""}`.trim();
    throw new Error(`prisma migrate deploy failed for ${redactUrl(url)}:\n${detail}`, { cause });
  }
  if (file && file !== ":memory:") useWriteAheadLog(file);
}

/**
 * Write-ahead logging lets readers keep a consistent snapshot while an import
 * writes, and lets the import proceed while they read. It is a property of the
 * database file, so setting it once here holds for every later connection.
 */
function useWriteAheadLog(file: string): void {
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}
