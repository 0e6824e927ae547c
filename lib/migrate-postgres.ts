import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * Applies prisma/postgres/migrations to a PostgreSQL database.
 *
 * Why not `prisma migrate deploy`: with the WebAssembly schema engine that
 * these machines must use, Prisma 6.19's migrate commands fail on PostgreSQL
 * through @prisma/adapter-pg ("Column type 'name' could not be deserialized",
 * prisma/orm#27403). This runner does what deploy does, in the same
 * `_prisma_migrations` table with the same checksums, so a machine with
 * Prisma's native engines can take over with `prisma migrate deploy/status`.
 * Each migration runs in its own transaction; an advisory lock keeps two app
 * instances starting together from applying the same migration twice.
 */
const LOCK_KEY = 72707369; // Prisma's own migrate advisory lock id

export function postgresMigrationsDir(root: string): string {
  return path.join(root, "prisma", "postgres", "migrations");
}

export async function migratePostgres(url: string, dir: string): Promise<string[]> {
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const done = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const byName = new Map(done.rows.map((r) => [r.migration_name, r]));
    for (const name of names) {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const previous = byName.get(name);
      if (previous) {
        if (!previous.finished_at)
          throw new Error(`Migration ${name} failed earlier and was not resolved; fix the database, then delete its row in _prisma_migrations`);
        if (previous.checksum !== checksum) throw new Error(`Migration ${name} was changed after it was applied (checksum differs)`);
        continue;
      }
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`, [
          id,
          checksum,
          name,
        ]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${name} failed: ${e instanceof Error ? e.message : e}`, { cause: e });
      }
      applied.push(name);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
  return applied;
}
