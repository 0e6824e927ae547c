import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";
import { loadSeed } from "@/lib/seed/load-seed";
import { SEED_DIR, readSeedData } from "@/lib/seed/seed-files";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.cleanup());

async function snapshot() {
  const [sources, donors, datasets, fx, aid, aidSources, events, eventSources, deployments] = await Promise.all([
    t.db.source.findMany({ orderBy: { id: "asc" } }),
    t.db.donor.findMany({ orderBy: { code: "asc" } }),
    t.db.dataset.findMany({ orderBy: { id: "asc" } }),
    t.db.fxRate.findMany({ orderBy: { id: "asc" } }),
    t.db.aidRecord.findMany({ orderBy: { id: "asc" } }),
    t.db.aidRecordSource.findMany({ orderBy: [{ aidRecordId: "asc" }, { sourceId: "asc" }] }),
    t.db.event.findMany({ orderBy: { id: "asc" } }),
    t.db.eventSource.findMany({ orderBy: [{ eventId: "asc" }, { sourceId: "asc" }] }),
    t.db.deployment.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ sources, donors, datasets, fx, aid, aidSources, events, eventSources, deployments });
}

describe("the curated seed", () => {
  it("loads the reviewed files, and a second run changes nothing", async () => {
    const first = await loadSeed(t.db, readSeedData());
    expect(first.created).toBeGreaterThan(100);
    const before = await snapshot();
    const second = await loadSeed(t.db, readSeedData());
    expect(second).toEqual({ created: 0, updated: 0, unchanged: first.created });
    expect(await snapshot()).toBe(before);
  });

  it("holds the reference article's figures with their sources", async () => {
    const us = await t.db.aidRecord.findMany({ where: { donorCode: "USA", datasetId: "curated" }, include: { sources: true } });
    expect(us.reduce((s, r) => s + r.amount, 0)).toBeCloseTo(60.2e9, 0);
    expect(us.map((r) => r.amount).sort()).toEqual([11.2e9, 14e9, 15e9, 20e9].sort());
    for (const r of us) expect(r.sources.map((s) => s.sourceId)).toContain("src-natoassoc-ofwono-2024");
    const eu = await t.db.aidRecord.findFirst({ where: { donorCode: "EU27" } });
    expect(eu).toMatchObject({ amount: 126e9, currency: "USD", measure: "commitment" });
    expect(eu?.date.toISOString().slice(0, 10)).toBe("2024-04-30");
    expect(await t.db.event.count()).toBeGreaterThanOrEqual(30);
    expect(await t.db.deployment.count()).toBeGreaterThanOrEqual(8);
    const doctrine = await t.db.event.findMany({ where: { date: new Date("2024-09-25T00:00:00Z") } });
    expect(doctrine.some((e) => e.type === "doctrine_change" || e.type === "nuclear_signalling")).toBe(true);
    const statuses = new Set((await t.db.deployment.findMany()).map((d) => d.status));
    expect([...statuses]).toEqual(expect.arrayContaining(["reported", "confirmed", "acknowledged"]));
  });

  it("every event and deployment cites a source with a publisher and an http(s) URL", async () => {
    const events = await t.db.event.findMany({ include: { sources: { include: { source: true } } } });
    const deployments = await t.db.deployment.findMany({ include: { sources: { include: { source: true } } } });
    for (const x of [...events, ...deployments]) {
      expect(x.sources.length, x.id).toBeGreaterThan(0);
      for (const s of x.sources) {
        expect(s.source.publisher.length).toBeGreaterThan(0);
        expect(s.source.url).toMatch(/^https?:\/\//);
      }
    }
  });

  it("rejects a seed file that cites an unknown source before writing anything", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-seed-"));
    for (const f of fs.readdirSync(SEED_DIR)) fs.copyFileSync(path.join(SEED_DIR, f), path.join(dir, f));
    const aid = JSON.parse(fs.readFileSync(path.join(dir, "aid-curated.json"), "utf8"));
    aid[0].sources = ["src-missing"];
    fs.writeFileSync(path.join(dir, "aid-curated.json"), JSON.stringify(aid));
    expect(() => readSeedData(dir)).toThrow(/unknown source "src-missing"/);
    fs.rmSync(dir, { recursive: true });
  });
});
