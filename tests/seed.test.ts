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

  it("holds the April 2024 supplemental as enacted, with the article's breakdown only as a note", async () => {
    const us = await t.db.aidRecord.findMany({ where: { donorCode: "USA", datasetId: "curated" }, include: { sources: true } });
    const byKey = Object.fromEntries(us.map((r) => [r.externalKey, r]));
    expect(byKey["us-2024-04-supplemental-stock-replenishment"]).toMatchObject({ amount: 23.2e9, category: "military" });
    expect(byKey["us-2024-04-supplemental-usai"]).toMatchObject({ amount: 13.8e9, category: "military" });
    expect(byKey["us-2024-04-supplemental-us-operations"]).toMatchObject({ amount: 11.3e9, category: "military" });
    expect(byKey["us-2024-04-supplemental-economic-support-loans"]).toMatchObject({ amount: 7.85e9, category: "financial" });
    expect(byKey["us-2024-04-supplemental-fmf"]).toMatchObject({ amount: 1.6e9, category: "military" });
    // The itemised titles stay below the act's ~$60.84 bn; nothing is computed to make them add up.
    expect(us.reduce((s, r) => s + r.amount, 0)).toBeCloseTo(57.75e9, 0);
    // The article's $20 / $14 / $15 bn parts and its $11.2 bn remainder are not stored as amounts...
    for (const a of [20e9, 14e9, 15e9, 11.2e9, 60.2e9]) expect(us.map((r) => r.amount)).not.toContain(a);
    for (const r of us) {
      expect(r.date.toISOString().slice(0, 10)).toBe("2024-04-24");
      expect(r.sources.map((s) => s.sourceId)).toContain("src-congress-hr815-2024");
      // ...but kept, attributed, in every record's note.
      expect(r.notes).toMatch(/reference article \(NATO Association of Canada/);
      expect(r.notes).toMatch(/\$20 bn .*\$14 bn .*\$15 bn/);
    }
    const eu = await t.db.aidRecord.findFirst({ where: { donorCode: "EU27" } });
    expect(eu).toMatchObject({ amount: 126e9, currency: "USD", measure: "commitment" });
    expect(eu?.date.toISOString().slice(0, 10)).toBe("2024-04-30");
  });

  it("holds the escalation events and deployments with the corrected scoring", async () => {
    expect(await t.db.event.count()).toBeGreaterThanOrEqual(60);
    expect(await t.db.deployment.count()).toBeGreaterThanOrEqual(20);
    const latest = await t.db.event.findFirst({ orderBy: { date: "desc" } });
    expect(latest!.date.toISOString().slice(0, 10) >= "2026-02-01").toBe(true);
    const doctrine = await t.db.event.findMany({ where: { date: new Date("2024-09-25T00:00:00Z") } });
    expect(doctrine.some((e) => e.type === "doctrine_change" || e.type === "nuclear_signalling")).toBe(true);
    const statuses = new Set((await t.db.deployment.findMany()).map((d) => d.status));
    expect([...statuses]).toEqual(expect.arrayContaining(["reported", "confirmed", "acknowledged"]));
    // Every severity is a rung of the ladder.
    const ladder = new Set([-5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const e of await t.db.event.findMany()) expect(ladder.has(e.severity), e.id).toBe(true);
    // The NIS report of troops in the Far East is reported and below the "in theatre" rung;
    // the confirmed deployment to the Kursk front is its own, later event.
    const nis = await t.db.event.findUnique({ where: { id: "evt-2024-10-18-north-korean-troops-deployed-to-russia" } });
    expect(nis).toMatchObject({ confidence: "reported", severity: 4 });
    const kursk = await t.db.event.findUnique({ where: { id: "evt-2024-10-28-north-korean-troops-confirmed-in-kursk" } });
    expect(kursk).toMatchObject({ confidence: "confirmed", severity: 8, type: "third_country_deployment" });
    // A proposed doctrine change is rung 3; its signing is rung 9.
    const proposed = await t.db.event.findUnique({ where: { id: "evt-2024-09-25-putin-nuclear-doctrine-statement" } });
    const signed = await t.db.event.findUnique({ where: { id: "evt-2024-11-19-updated-nuclear-doctrine-signed" } });
    expect([proposed?.severity, signed?.severity]).toEqual([3, 9]);
    // One decision scored once: the F-16 authorisation is scored, the jets' arrival is not.
    expect(await t.db.event.findUnique({ where: { id: "evt-2024-08-04-first-f16s-in-ukraine" } })).toBeNull();
  });

  it("holds the events curated after 2026-05-08, each on its rung and sourced", async () => {
    // A nuclear-capable weapon test with no threat tied to a Western decision is rung 3 (rule 5),
    // dated on its announcement because the sources do not give the launch day (rule 9).
    const sarmat = await t.db.event.findUnique({
      where: { id: "evt-2026-05-12-sarmat-icbm-test-announced" },
      include: { sources: true },
    });
    expect(sarmat).toMatchObject({ type: "nuclear_signalling", severity: 3, confidence: "confirmed" });
    expect(sarmat!.date.toISOString().slice(0, 10)).toBe("2026-05-12");
    expect(sarmat!.sources.map((s) => s.sourceId)).toContain("src-thedefensenews-2026-05-12-sarmat");
    // A prisoner exchange is rung -1.
    const swap = await t.db.event.findUnique({
      where: { id: "evt-2026-05-15-205-for-205-prisoner-exchange" },
      include: { sources: true },
    });
    expect(swap).toMatchObject({ type: "de_escalation", severity: -1, confidence: "confirmed" });
    expect(swap!.date.toISOString().slice(0, 10)).toBe("2026-05-15");
    expect(swap!.sources.length).toBeGreaterThanOrEqual(2);
    const latest = await t.db.event.findFirst({ orderBy: { date: "desc" } });
    expect(latest!.date.toISOString().slice(0, 10) >= "2026-05-15").toBe(true);
  });

  it("gives the same fact the same confidence in events and deployments", async () => {
    const asConfidence = { reported: "reported", confirmed: "confirmed", acknowledged: "confirmed", denied: "disputed" } as const;
    const pairs: [string, string][] = [
      ["evt-2023-10-13-north-korean-munitions-deliveries", "dep-2023-10-13-white-house-munitions-containers"],
      ["evt-2024-01-04-north-korean-ballistic-missiles-used", "dep-2024-01-04-white-house-ballistic-missiles"],
      ["evt-2024-09-10-iran-ballistic-missiles-to-russia", "dep-2024-09-10-iran-fath-360"],
      ["evt-2024-10-18-north-korean-troops-deployed-to-russia", "dep-2024-10-18-nis-first-report"],
      ["evt-2024-10-28-north-korean-troops-confirmed-in-kursk", "dep-2024-10-28-pentagon-10000-estimate"],
      ["evt-2025-04-26-russia-and-north-korea-acknowledge-deployment", "dep-2025-04-26-gerasimov-acknowledgement"],
      ["evt-2025-06-17-north-korean-engineers-to-kursk", "dep-2025-06-17-shoigu-deminers"],
    ];
    for (const [eventId, deploymentId] of pairs) {
      const e = await t.db.event.findUnique({ where: { id: eventId } });
      const d = await t.db.deployment.findUnique({ where: { id: deploymentId } });
      expect(e?.date.getTime(), eventId).toBe(d?.date.getTime());
      expect(e?.confidence, eventId).toBe(asConfidence[d!.status as keyof typeof asConfidence]);
    }
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
