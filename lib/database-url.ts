import path from "node:path";

/**
 * The one place DATABASE_URL is resolved. A relative `file:` URL is taken relative
 * to the project root (not the process's working directory), so the app, the
 * seed, the importer, the CLI and the tests all open the same file.
 */
export const DEFAULT_DATABASE_URL = "file:./data/monitor.db";

export function resolveDatabaseUrl(
  raw: string | undefined = process.env.DATABASE_URL,
  root: string = projectRoot(),
): string {
  const url = raw && raw.trim() !== "" ? raw.trim() : DEFAULT_DATABASE_URL;
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a file: URL for SQLite, got "${url}"`);
  }
  const filePath = url.slice("file:".length);
  if (filePath === ":memory:") return url;
  return `file:${path.resolve(root, filePath)}`;
}

export function databaseFilePath(url: string = resolveDatabaseUrl()): string {
  return url.slice("file:".length);
}

function projectRoot(): string {
  return process.env.MONITOR_ROOT ?? process.cwd();
}
