import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";
import { call } from "./helpers/call-route";
import { createWriteToken } from "./helpers/tokens";
import * as records from "@/app/api/aid/records/route";
import * as recordItem from "@/app/api/aid/records/[id]/route";
import * as events from "@/app/api/events/route";
import * as eventItem from "@/app/api/events/[id]/route";
import * as deployments from "@/app/api/deployments/route";
import * as deploymentItem from "@/app/api/deployments/[id]/route";
import * as summary from "@/app/api/aid/summary/route";
import { hashToken } from "@/lib/auth";

let t: TestDatabase;
let token: string;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
  token = await createWriteToken(t.db);
});
afterAll(async () => t.cleanup());

const source = { publisher: "Test Ministry", title: "Test package", url: "https://example.org/package", publishedAt: "2024-05-01" };
const aidBody = {
  donorCode: "deu",
  date: "2024-05-01",
  category: "military",
  measure: "commitment",
  amount: 1_500_000_000,
  currency: "EUR",
  sources: [source],
};

async function counts() {
  return {
    aid: await t.db.aidRecord.count(),
    events: await t.db.event.count(),
    deployments: await t.db.deployment.count(),
    sources: await t.db.source.count(),
  };
}

describe("write API authentication", () => {
  it.each([
    ["no token", undefined],
    ["a wrong token", "aem_not-a-real-token"],
  ])("answers 401 to %s and writes nothing", async (_label, tok) => {
    const before = await counts();
    const r = await call(records.POST, "/api/aid/records", { method: "POST", body: aidBody, token: tok });
    expect(r.status).toBe(401);
    expect(r.body.error).toMatch(/token/i);
    const e = await call(events.POST, "/api/events", { method: "POST", body: {}, token: tok });
    expect(e.status).toBe(401);
    const d = await call(deploymentItem.DELETE, "/api/deployments/x", { method: "DELETE", token: tok, params: { id: "x" } });
    expect(d.status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it("accepts a token configured by hash in the environment", async () => {
    process.env.API_TOKEN_SHA256 = hashToken("env-token-123");
    try {
      const r = await call(events.POST, "/api/events", { method: "POST", body: { title: "x" }, token: "env-token-123" });
      expect(r.status).toBe(400); // authenticated, then the body fails validation
    } finally {
      delete process.env.API_TOKEN_SHA256;
    }
  });

  it("never stores the token itself", async () => {
    const rows = await t.db.apiToken.findMany();
    expect(rows.every((r) => r.tokenHash !== token && /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
  });
});

describe("aid records", () => {
  let id: string;
  it("creates an analyst record with an inline source, visible in the summary", async () => {
    const r = await call(records.POST, "/api/aid/records", { method: "POST", body: aidBody, token });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ datasetId: "analyst", donorCode: "DEU", amount: 1.5e9, sources: [expect.objectContaining({ url: source.url })] });
    id = r.body.id;
    const s = await call(summary.GET, "/api/aid/summary?dataset=analyst&measure=commitment");
    expect(s.body.total).toBe(1.5e9);
  });

  it.each([
    [{ ...aidBody, amount: -5 }, "amount"],
    [{ ...aidBody, amount: "lots" }, "amount"],
    [{ ...aidBody, category: "weapons" }, "category"],
    [{ ...aidBody, date: "2024-02-31" }, "date"],
    [{ ...aidBody, sources: [] }, "sources"],
    [{ ...aidBody, donorCode: "ZZZ" }, "donorCode"],
    [{ ...aidBody, datasetId: "kiel-ust" }, "datasetId"],
    [{ ...aidBody, sources: ["src-does-not-exist"] }, "sources"],
  ])("rejects a bad body naming the field (%#)", async (body, field) => {
    const before = await counts();
    const r = await call(records.POST, "/api/aid/records", { method: "POST", body, token });
    expect(r.status).toBe(400);
    expect(r.body.error).toContain(`"${field}`);
    expect(r.body.issues[0].path[0]).toBe(field);
    expect(await counts()).toEqual(before);
  });

  it("rejects a body that is not JSON", async () => {
    const r = await call(records.POST, "/api/aid/records", { method: "POST", body: "{not json", token });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/JSON/);
  });

  it("patches and deletes the record", async () => {
    const p = await call(recordItem.PATCH, `/api/aid/records/${id}`, { method: "PATCH", body: { amount: 2e9 }, token, params: { id } });
    expect(p.status).toBe(200);
    expect(p.body.amount).toBe(2e9);
    const bad = await call(recordItem.PATCH, `/api/aid/records/${id}`, { method: "PATCH", body: {}, token, params: { id } });
    expect(bad.status).toBe(400);
    const d = await call(recordItem.DELETE, `/api/aid/records/${id}`, { method: "DELETE", token, params: { id } });
    expect(d.status).toBe(204);
    const gone = await call(recordItem.GET, `/api/aid/records/${id}`, { params: { id } });
    expect(gone.status).toBe(404);
  });
});

describe("events", () => {
  const body = {
    date: "2025-01-10",
    title: "Test escalation",
    summary: "A test event.",
    actors: ["rus"],
    type: "nuclear_signalling",
    severity: 4,
    confidence: "reported",
    sources: [source],
  };

  it("creates, reads, patches and deletes an event", async () => {
    const c = await call(events.POST, "/api/events", { method: "POST", body, token });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ title: "Test escalation", actors: ["RUS"], channel: "nuclear", typeLabel: "Nuclear signalling" });
    const id = c.body.id;
    const list = await call(events.GET, "/api/events?from=2025-01-10&to=2025-01-10");
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([id]);
    const p = await call(eventItem.PATCH, `/api/events/${id}`, { method: "PATCH", body: { confidence: "confirmed" }, token, params: { id } });
    expect(p.body.confidence).toBe("confirmed");
    const sign = await call(eventItem.PATCH, `/api/events/${id}`, { method: "PATCH", body: { type: "de_escalation" }, token, params: { id } });
    expect(sign.status).toBe(400);
    expect(sign.body.error).toContain('"severity"');
    expect((await call(eventItem.DELETE, `/api/events/${id}`, { method: "DELETE", token, params: { id } })).status).toBe(204);
  });

  it.each([
    [{ ...body, type: "invasion" }, "type"],
    [{ ...body, severity: 11 }, "severity"],
    [{ ...body, type: "de_escalation", severity: 3 }, "severity"],
    [{ ...body, confidence: "likely" }, "confidence"],
    [{ ...body, title: "" }, "title"],
  ])("rejects a bad event naming the field (%#)", async (b, field) => {
    const r = await call(events.POST, "/api/events", { method: "POST", body: b, token });
    expect(r.status).toBe(400);
    expect(r.body.issues[0].path[0]).toBe(field);
  });

  it("filters the list by type and date and pages it", async () => {
    const r = await call(events.GET, "/api/events?type=de_escalation&pageSize=2");
    expect(r.status).toBe(200);
    expect(r.body.pageSize).toBe(2);
    expect(r.body.items.length).toBeLessThanOrEqual(2);
    expect(r.body.total).toBeGreaterThanOrEqual(r.body.items.length);
    for (const e of r.body.items) expect(e.type).toBe("de_escalation");
    expect((await call(events.GET, "/api/events?type=war")).status).toBe(400);
  });
});

describe("deployments", () => {
  const body = {
    date: "2025-02-01",
    deployingCountry: "prk",
    hostCountry: "RUS",
    location: "Kursk Oblast",
    forceType: "troops",
    personnelLow: 1000,
    personnelHigh: 3000,
    status: "reported",
    sources: [source],
  };

  it("creates and filters a deployment", async () => {
    const c = await call(deployments.POST, "/api/deployments", { method: "POST", body, token });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ deployingCountry: "PRK", personnelLow: 1000, personnelHigh: 3000 });
    const list = await call(deployments.GET, "/api/deployments?country=PRK&from=2025-02-01&to=2025-02-01");
    expect(list.body.items).toHaveLength(1);
    const bad = await call(deploymentItem.PATCH, `/api/deployments/${c.body.id}`, {
      method: "PATCH",
      body: { personnelLow: 5000 },
      token,
      params: { id: c.body.id },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('"personnelLow"');
  });

  it.each([
    [{ ...body, personnelLow: 5000 }, "personnelLow"],
    [{ ...body, status: "rumoured" }, "status"],
    [{ ...body, deployingCountry: "North Korea" }, "deployingCountry"],
  ])("rejects a bad deployment naming the field (%#)", async (b, field) => {
    const r = await call(deployments.POST, "/api/deployments", { method: "POST", body: b, token });
    expect(r.status).toBe(400);
    expect(r.body.issues[0].path[0]).toBe(field);
  });

  it("lists the seeded North Korean deployments with sources", async () => {
    const r = await call(deployments.GET, "/api/deployments?country=PRK&status=confirmed");
    expect(r.body.total).toBeGreaterThan(0);
    for (const d of r.body.items) {
      expect(d.status).toBe("confirmed");
      expect(d.sources.length).toBeGreaterThan(0);
    }
  });
});
