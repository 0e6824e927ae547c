/**
 * Consistent reads and safe concurrent writes: a Kiel import running in another
 * process (the CLI, its own connection) while this process serves summaries
 * and takes writes. Every summary must be wholly the old release or wholly the
 * new one, and every write must wait for the import and then succeed.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";
import { createWriteToken } from "./helpers/tokens";
import { call } from "./helpers/call-route";
import * as summary from "@/app/api/aid/summary/route";
import * as events from "@/app/api/events/route";
import { importKielRelease } from "@/lib/import/kiel/import-kiel-release";
import { readReleaseFolder } from "@/lib/import/kiel/read-release-folder";

const R29 = path.resolve(process.cwd(), "../shared/data/kiel-ust-r29");
if (!fs.existsSync(path.join(R29, "data_explorer.csv"))) throw new Error(`Kiel reference release missing: ${R29}`);

/** "Release 30": R29 without one donor's rows, published later under another label. */
function makeNextRelease(dir: string): string {
  const folder = path.join(dir, "r30");
  fs.mkdirSync(folder);
  for (const f of fs.readdirSync(R29)) fs.copyFileSync(path.join(R29, f), path.join(folder, f));
  const lines = fs.readFileSync(path.join(R29, "data_explorer.csv"), "utf8").split("\n");
  fs.writeFileSync(path.join(folder, "data_explorer.csv"), lines.filter((l) => !l.startsWith('"Austria"')).join("\n"));
  fs.writeFileSync(
    path.join(folder, "release_info.csv"),
    '"release","period","date","label"\n"30","04/2026","2026-09-01","Ukraine Support Tracker, Release 30 (04/2026) test copy"\n',
  );
  return folder;
}

function runCliImport(folder: string, url: string): Promise<{ code: number; output: string }> {
  const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, "scripts/import-kiel.ts", folder], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: url },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

let t: TestDatabase;
let token: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-concurrency-"));
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
  token = await createWriteToken(t.db);
  expect((await importKielRelease(t.db, readReleaseFolder(R29))).outcome).toBe("imported");
});
afterAll(async () => {
  await t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const event = (i: number) => ({
  date: "2025-01-10",
  title: `Concurrent write ${i}`,
  summary: "Written while an import runs.",
  actors: ["RUS"],
  type: "nuclear_signalling",
  severity: 4,
  confidence: "reported",
  sources: [{ publisher: "Test", title: "Test", url: "https://example.org/concurrent" }],
});

describe("a CLI import while the API reads and writes", () => {
  it("serves summaries of one release or the other, never a mix, and every write succeeds", async () => {
    const before = await call(summary.GET, "/api/aid/summary?dataset=kiel-ust");
    expect(before.status).toBe(200);
    const old = { name: before.body.dataset.name as string, total: before.body.total as number };

    const importing = runCliImport(makeNextRelease(dir), t.url);
    let finished = false;
    void importing.then(() => (finished = true));
    const seen: { name: string; total: number }[] = [];
    const writes: number[] = [];
    const deadline = Date.now() + 40_000;
    for (let i = 0; (!finished || i < 20) && Date.now() < deadline; i++) {
      // SQLite answers synchronously, so these awaits never reach the event
      // loop on their own; yield to it so the child's exit can be noticed.
      await new Promise((r) => setImmediate(r));
      // Bypass the per-version cache's 304 path: each call is a full read.
      const [s, w] = await Promise.all([
        call(summary.GET, `/api/aid/summary?dataset=kiel-ust&i=${i}`),
        i < 20 ? call(events.POST, "/api/events", { method: "POST", body: event(i), token }) : null,
      ]);
      expect(s.status).toBe(200);
      seen.push({ name: s.body.dataset.name, total: s.body.total });
      if (w) writes.push(w.status);
    }
    const result = await importing;
    expect(seen.length).toBeGreaterThanOrEqual(20);
    expect(result.output).toMatch(/Imported/);
    expect(result.code).toBe(0);

    const after = await call(summary.GET, "/api/aid/summary?dataset=kiel-ust");
    const next = { name: after.body.dataset.name as string, total: after.body.total as number };
    expect(next.name).not.toBe(old.name);
    expect(next.total).toBeLessThan(old.total);
    for (const s of seen) {
      const isOld = s.name === old.name && Math.abs(s.total - old.total) < 1;
      const isNew = s.name === next.name && Math.abs(s.total - next.total) < 1;
      expect(isOld || isNew, `a summary mixed two releases: ${JSON.stringify(s)}`).toBe(true);
    }
    expect(writes).toEqual(Array(20).fill(201));
    expect(await t.db.event.count({ where: { title: { startsWith: "Concurrent write" } } })).toBe(20);
  }, 120_000);
});
