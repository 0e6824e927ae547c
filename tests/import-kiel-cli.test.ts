import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";

const RELEASE = path.resolve(process.cwd(), "../shared/data/kiel-ust-r29");
if (!fs.existsSync(path.join(RELEASE, "data_explorer.csv"))) throw new Error(`Kiel reference release missing: ${RELEASE}`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-kiel-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `tsx scripts/import-kiel.ts …` as `npm run import:kiel -- …` would. */
function cli(args: string[], databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsx, "scripts/import-kiel.ts", ...args],
      { cwd: process.cwd(), env: { ...process.env, DATABASE_URL: databaseUrl, INIT_CWD: process.cwd() } },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("npm run import:kiel", () => {
  const url = `file:${path.join(dir, "nested", "cli.db")}`;

  it("imports into a missing database, then reports the same release unchanged", async () => {
    const first = await cli([RELEASE], url);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Rows read\s+1,079/);
    expect(first.stdout).toMatch(/allocation total\s+358\.399501/);
    expect(first.stdout).toMatch(/Imported 2,265 records/);
    const again = await cli([RELEASE], url);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Unchanged/);
    const db = createDb(url);
    try {
      expect(await db.aidRecord.count({ where: { datasetId: "kiel-ust" } })).toBe(2265);
      expect((await db.importRun.findMany({ orderBy: { startedAt: "asc" } })).map((r) => r.outcome)).toEqual(["imported", "unchanged"]);
    } finally {
      await db.$disconnect();
    }
  }, 60_000);

  it("exits non-zero naming line and column of a bad file, and writes nothing", async () => {
    const lines = fs.readFileSync(path.join(RELEASE, "data_explorer.csv"), "utf8").split("\n");
    lines[9] = lines[9].replace(/^("[^"]*","[^"]*",\d+),\d+,/, "$1,13,");
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, lines.join("\n"));
    const r = await cli([bad, "--release", "Broken"], url);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing was written/);
    expect(r.stderr).toMatch(/bad\.csv:10 \[month\]/);
    const db = createDb(url);
    try {
      expect(await db.importRun.count()).toBe(2);
    } finally {
      await db.$disconnect();
    }
  }, 60_000);

  it("creates no database for an invalid file or a dry run", async () => {
    const never = path.join(dir, "never", "never.db");
    const lines = fs.readFileSync(path.join(RELEASE, "data_explorer.csv"), "utf8").split("\n");
    const bad = path.join(dir, "bad-total.csv");
    fs.writeFileSync(bad, lines.map((l, i) => (i === 2 ? l.replace(/^("[^"]*","[^"]*",\d+,\d+),[^,]+,/, "$1,9,") : l)).join("\n"));
    const invalid = await cli([bad], `file:${never}`);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/bad-total\.csv:3 \[total\]/);
    const dry = await cli([RELEASE, "--dry-run"], `file:${never}`);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Dry run: nothing written/);
    expect(fs.existsSync(never)).toBe(false);
  }, 60_000);

  it("refuses a 40-row cut of data_explorer.csv unless --allow-shrink is given", async () => {
    const cut = path.join(dir, "cut-40");
    fs.mkdirSync(cut);
    for (const f of ["release_info.csv", "weapons.csv"]) fs.copyFileSync(path.join(RELEASE, f), path.join(cut, f));
    const lines = fs.readFileSync(path.join(RELEASE, "data_explorer.csv"), "utf8").split("\n");
    fs.writeFileSync(path.join(cut, "data_explorer.csv"), `${lines.slice(0, 41).join("\n")}\n`);
    const db = createDb(url);
    try {
      const runsBefore = await db.importRun.count();
      const refused = await cli([cut], url);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /^import:kiel: Refused; nothing was written\. This import would remove 2,\d{3} of 2,265 records \(9\d%\).*--allow-shrink\.\n$/,
      );
      expect(await db.aidRecord.count({ where: { datasetId: "kiel-ust" } })).toBe(2265);
      expect(await db.importRun.count()).toBe(runsBefore);
      const dry = await cli([cut, "--dry-run"], url);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toMatch(/A real import would be refused\./);
      const allowed = await cli([cut, "--allow-shrink"], url);
      expect(allowed.stderr).toBe("");
      expect(allowed.code).toBe(0);
      expect(allowed.stdout).toMatch(/Warning {5}accepted \(--allow-shrink\): this import would remove/);
      expect(await db.aidRecord.count({ where: { datasetId: "kiel-ust" } })).toBeLessThan(150);
    } finally {
      await db.$disconnect();
    }
  }, 90_000);

  it("exits 2 on wrong usage", async () => {
    const r = await cli([], url);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Usage: npm run import:kiel/);
  }, 60_000);
});
