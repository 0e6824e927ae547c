/**
 * The event_actors migration turns the old comma-joined Event.actors into one
 * EventActor row per actor, on both backends: run the migrations before it,
 * write events the old way, run it, read the rows.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { postgresMigrationsDir } from "@/lib/migrate-postgres";
import { onPostgresServer, postgresDatabaseUrl, testBackend } from "./helpers/test-backend";

const MIGRATION = "20261130230000_event_actors";

/** The SQL of every migration in `dir` up to and including MIGRATION, split at it. */
function migrationsAround(dir: string): { before: string[]; it: string } {
  const names = fs
    .readdirSync(dir)
    .filter((n) => /^\d{14}_/.test(n))
    .sort();
  const sql = (n: string) => fs.readFileSync(path.join(dir, n, "migration.sql"), "utf8");
  expect(names).toContain(MIGRATION);
  return { before: names.filter((n) => n < MIGRATION).map(sql), it: sql(MIGRATION) };
}

// Legacy values as the old API and seed wrote them, plus hand-edited ones.
const LEGACY: [id: string, actors: string][] = [
  ["e-two", "RUS,UKR"],
  ["e-messy", " prk , RUS,,prk,"],
  ["e-none", ""],
  ["e-name", "Wagner Group"],
];
const EXPECTED = [
  { eventId: "e-messy", actorCode: "PRK", position: 0 },
  { eventId: "e-messy", actorCode: "RUS", position: 1 },
  { eventId: "e-name", actorCode: "WAGNER GROUP", position: 0 },
  { eventId: "e-two", actorCode: "RUS", position: 0 },
  { eventId: "e-two", actorCode: "UKR", position: 1 },
];

const insertEvent = `INSERT INTO "Event" ("id", "date", "title", "summary", "actors", "type", "severity", "confidence", "updatedAt")
  VALUES ($1, '2024-01-01', 't', 's', $2, 'mobilisation', 3, 'reported', '2024-01-01')`;
const readActors = `SELECT "eventId", "actorCode", "position" FROM "EventActor" ORDER BY "eventId", "position"`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-mig-actors-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe(`migration ${MIGRATION}`, () => {
  it("SQLite: splits, trims, upper-cases and de-duplicates the old lists, keeping their order", () => {
    const { before, it: migration } = migrationsAround(path.join("prisma", "migrations"));
    const db = new Database(path.join(dir, "legacy.db"));
    try {
      for (const sql of before) db.exec(sql);
      const insert = db.prepare(insertEvent.replace(/\$\d/g, "?"));
      for (const [id, actors] of LEGACY) insert.run(id, actors);
      db.exec(migration);
      expect(db.prepare(readActors).all()).toEqual(EXPECTED);
      expect(db.prepare(`SELECT count(*) AS n FROM "Event"`).get()).toEqual({ n: LEGACY.length });
      expect((db.pragma(`table_info("Event")`) as { name: string }[]).map((c) => c.name)).not.toContain("actors");
    } finally {
      db.close();
    }
  });

  it.runIf(testBackend() === "postgresql")("PostgreSQL: the same conversion", async () => {
    const { before, it: migration } = migrationsAround(postgresMigrationsDir(process.cwd()));
    const name = `aem_mig_actors_${randomBytes(4).toString("hex")}`;
    await onPostgresServer([`CREATE DATABASE "${name}"`]);
    const client = new pg.Client({ connectionString: postgresDatabaseUrl(name) });
    try {
      await client.connect();
      for (const sql of before) await client.query(sql);
      for (const [id, actors] of LEGACY) await client.query(insertEvent, [id, actors]);
      await client.query(migration);
      expect((await client.query(readActors)).rows).toEqual(EXPECTED);
    } finally {
      await client.end();
      await onPostgresServer([`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]);
    }
  });
});
