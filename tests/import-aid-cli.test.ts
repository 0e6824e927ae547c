import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";
import { createDb, type Db } from "@/lib/db";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-aid-cli-"));
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
  // The CLI is another process: this one keeps no connection open meanwhile.
  await t.db.$disconnect();
});

/** Reads the test database with a short-lived client. */
async function inDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(t.url);
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}
afterAll(async () => {
  await t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs `tsx scripts/import-aid.ts …` as `npm run import:aid -- …` would. */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsx, "scripts/import-aid.ts", ...args],
      { cwd: process.cwd(), env: { ...process.env, DATABASE_URL: t.url, INIT_CWD: dir } },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const HEADER = "date,granularity,donor_code,category,measure,amount,currency,source_urls,source_publishers";
const line = (i: number, donor = "POL") =>
  `2025-0${(i % 9) + 1}-01,month,${donor},humanitarian,allocation,${1000 * (i + 1)},EUR,https://cli.example/${i % 3},Publisher ${i % 3}`;

describe("npm run import:aid", () => {
  it("imports a small file, then finds it unchanged; --dry-run writes nothing", async () => {
    fs.writeFileSync(path.join(dir, "small.csv"), [HEADER, ...Array.from({ length: 20 }, (_, i) => line(i))].join("\n") + "\n");
    const dry = await cli(["small.csv", "--dataset", "cli-test", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Dry run: nothing written/);
    expect(dry.stdout).toMatch(/added\s+20/);
    expect(await inDb((db) => db.dataset.findUnique({ where: { id: "cli-test" } }))).toBeNull();

    const first = await cli(["small.csv", "--dataset", "cli-test", "--name", "CLI test"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Imported small\.csv into "cli-test" \(CLI test\), a new dataset/);
    expect(first.stdout).toMatch(/allocation\s+EUR\s+210,000\s+\(20 rows\)/);
    // A new dataset is validated and written in one pass (parsed on a worker thread).
    expect(first.stderr).toMatch(/\[import\] 100%\s+20 rows/);
    expect(await inDb((db) => db.aidRecord.count({ where: { datasetId: "cli-test" } }))).toBe(20);

    const again = await cli(["small.csv", "--dataset", "cli-test", "--json"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ outcome: "unchanged", change: { added: 0, updated: 0, unchanged: 20 } });
  });

  it("exits 1 naming line and column and the unknown donors; nothing written", async () => {
    const rows = [HEADER, line(0), line(1, "XYZ"), line(2).replace(",EUR,", ",EURO,"), line(3, "ABC")];
    fs.writeFileSync(path.join(dir, "bad.csv"), rows.join("\n") + "\n");
    const bad = await cli(["bad.csv", "--dataset", "cli-bad"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/nothing was written/);
    expect(bad.stderr).toMatch(/line 4, column "currency"/);
    fs.writeFileSync(path.join(dir, "donors.csv"), [HEADER, line(0), line(1, "XYZ"), line(3, "ABC")].join("\n") + "\n");
    const donors = await cli(["donors.csv", "--dataset", "cli-bad"]);
    expect(donors.code).toBe(1);
    expect(donors.stderr).toMatch(/unknown donor codes: ABC, XYZ/);
    expect(await inDb((db) => db.dataset.findUnique({ where: { id: "cli-bad" } }))).toBeNull();
  });

  it("explains its usage; a dry run does not create a missing database", async () => {
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--replace/);
    const usage = await cli(["small.csv"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/missing --dataset/);
    const missing = path.join(dir, "missing.db");
    const dry = await new Promise<{ code: number; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        [path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs"), "scripts/import-aid.ts", "small.csv", "--dataset", "x", "--dry-run"],
        { cwd: process.cwd(), env: { ...process.env, DATABASE_URL: `file:${missing}`, INIT_CWD: dir } },
        (err, _out, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr }),
      ),
    );
    expect(dry.code).toBe(1);
    expect(dry.stderr).toMatch(/a dry run does not create one/);
    expect(fs.existsSync(missing)).toBe(false);
  });
});
