import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { databaseFilePath, resolveDatabaseUrl } from "@/lib/database-url";

const root = () => process.env.MONITOR_ROOT ?? process.cwd();

/**
 * Applies pending migrations with `prisma migrate deploy` (the same command an
 * operator runs), creating the database file and its folder when missing.
 */
export function migrateDatabase(url: string = resolveDatabaseUrl()): void {
  const file = databaseFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
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
    throw new Error(`prisma migrate deploy failed for ${url}:\n${detail}`, { cause });
  }
}
