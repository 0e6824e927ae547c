import path from "node:path";

/**
 * The one place DATABASE_URL is resolved. `file:` is the embedded SQLite
 * database; a relative path is taken relative to the project root (not the
 * process's working directory), so the app, the seed, the importers, the CLI and
 * the tests all open the same file. `postgresql://` (or `postgres://`) selects
 * PostgreSQL for deployments with several app instances.
 */
export const DEFAULT_DATABASE_URL = "file:./data/monitor.db";

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProvider(url: string): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must be a file: URL (SQLite) or a postgresql:// URL, got "${redactUrl(url)}"`);
}

export function resolveDatabaseUrl(raw: string | undefined = process.env.DATABASE_URL, root: string = projectRoot()): string {
  const url = raw && raw.trim() !== "" ? raw.trim() : DEFAULT_DATABASE_URL;
  if (databaseProvider(url) === "postgresql") return url;
  const filePath = url.slice("file:".length);
  if (filePath === ":memory:") return url;
  return `file:${path.resolve(root, filePath)}`;
}

/** The SQLite file behind a URL; null for PostgreSQL. */
export function databaseFilePath(url: string = resolveDatabaseUrl()): string | null {
  return databaseProvider(url) === "sqlite" ? url.slice("file:".length) : null;
}

/** A URL fit for logs: the password is never printed. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@/]*@/, "$1:***@");
}

function projectRoot(): string {
  return process.env.MONITOR_ROOT ?? process.cwd();
}
