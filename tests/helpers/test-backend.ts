import pg from "pg";

/**
 * Which database the integration tests run on. `TEST_BACKEND=postgresql` with
 * `TEST_POSTGRES_URL` (a server URL whose user may create databases) runs them
 * on PostgreSQL; anything else on SQLite files. `npm test` runs both
 * (scripts/with-postgres.ts starts a throwaway cluster when no URL is given).
 */
export type TestBackend = "sqlite" | "postgresql";

export function testBackend(): TestBackend {
  return process.env.TEST_BACKEND === "postgresql" ? "postgresql" : "sqlite";
}

export function postgresServerUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) throw new Error("TEST_BACKEND=postgresql needs TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres)");
  return url;
}

/** The URL of another database on the same server. */
export function postgresDatabaseUrl(name: string, server: string = postgresServerUrl()): string {
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs statements against the server's maintenance database (CREATE/DROP DATABASE cannot run in a transaction). */
export async function onPostgresServer(sql: string[], server: string = postgresServerUrl()): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    for (const s of sql) await client.query(s);
  } finally {
    await client.end();
  }
}
