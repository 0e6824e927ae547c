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
  // `migrate deploy` waits for every reader of the file to go (it locks the
  // whole database), so a CLI started while the app serves a crowd would stall:
  // it runs only when a migration is actually pending.
  if (file && file !== ":memory:" && !hasPendingSqliteMigrations(file)) return;
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
  if (file && file !== ":memory:") enableWriteAheadLog(file);
}

function hasPendingSqliteMigrations(file: string): boolean {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return true;
  const dir = path.join(root(), "prisma", "migrations");
  const wanted = fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, "migration.sql")));
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return true;
    const done = new Set(
      (
        sqlite.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").all() as {
          migration_name: string;
        }[]
      ).map((r) => r.migration_name),
    );
    return wanted.some((n) => !done.has(n));
  } finally {
    sqlite.close();
  }
}

/**
 * Write-ahead logging lets readers keep a consistent snapshot while an import
 * writes, and lets the import proceed while they read. It is a property of the
 * database file, so setting it once here holds for every later connection.
 */
function enableWriteAheadLog(file: string): void {
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}
