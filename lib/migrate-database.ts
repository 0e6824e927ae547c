import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFilePath, redactUrl, resolveDatabaseUrl } from "@/lib/database-url";

const root = () => process.env.MONITOR_ROOT ?? process.cwd();

/**
 * Applies pending migrations with `prisma migrate deploy` (the same command an
 * operator runs; prisma.config.ts picks SQLite's or PostgreSQL's migrations from
 * the URL), creating an SQLite file and its folder when missing.
 */
export function migrateDatabase(url: string = resolveDatabaseUrl()): void {
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
