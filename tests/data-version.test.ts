import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";
import { testBackend } from "./helpers/test-backend";
import { bumpDataVersion, readCurrentDataVersion, readDataVersion, writeTransaction } from "@/lib/data-version";
import { databaseFilePath } from "@/lib/database-url";
import { sqliteDateText } from "@/lib/sql-dialect";

/**
 * The cache check reads the version outside the ORM on SQLite; its token must
 * be the ORM's token exactly, whoever wrote the row last, or every response
 * would be computed twice (or, worse, a stale body would match).
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
}, 60_000);
afterAll(() => t.cleanup());

describe("the current data version", () => {
  it("is the token the ORM reads: as migrated, after an ORM bump, after the importer's raw bump", async () => {
    const same = async () => expect(await readCurrentDataVersion(t.db, t.url)).toBe(await readDataVersion(t.db));
    await same();
    await writeTransaction(t.db, async (tx) => void (await bumpDataVersion(tx)));
    await same();
    if (testBackend() === "sqlite") {
      const conn = new Database(databaseFilePath(t.url)!);
      conn
        .prepare(`UPDATE "DataVersion" SET "version" = "version" + 1, "updatedAt" = ? WHERE "id" = 1`)
        .run(sqliteDateText(new Date(Date.UTC(2026, 10, 30, 12))));
      conn.prepare(`UPDATE "DataVersion" SET "updatedAt" = '2026-11-30 12:34:56' WHERE "id" = 1`).run();
      conn.close();
      await same();
    }
  });

  it("changes at once with a write from another connection, and follows a file replaced under the same name", async () => {
    const before = await readCurrentDataVersion(t.db, t.url);
    await writeTransaction(t.db, async (tx) => void (await bumpDataVersion(tx)));
    expect(await readCurrentDataVersion(t.db, t.url)).not.toBe(before);
    if (testBackend() !== "sqlite") return;
    // A backup restored under the same name: every writer closed, the file swapped.
    const file = databaseFilePath(t.url)!;
    const other = await createTestDatabase();
    try {
      await other.db.$disconnect();
      const conn = new Database(databaseFilePath(other.url)!);
      conn.prepare(`UPDATE "DataVersion" SET "version" = 4242 WHERE "id" = 1`).run();
      conn.pragma("wal_checkpoint(TRUNCATE)");
      conn.close();
      await t.db.$disconnect();
      fs.copyFileSync(databaseFilePath(other.url)!, `${file}.new`);
      for (const f of [`${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
      fs.renameSync(`${file}.new`, file);
      expect(await readCurrentDataVersion(t.db, t.url)).toMatch(/^4242\./);
    } finally {
      await other.cleanup();
    }
  });
});
