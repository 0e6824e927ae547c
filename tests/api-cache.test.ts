/**
 * ETags and the per-version response cache: a repeated read is served from the
 * cache or answered 304, and no write (of any kind) can leave either stale.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";
import { createWriteToken } from "./helpers/tokens";
import { call } from "./helpers/call-route";
import * as summary from "@/app/api/aid/summary/route";
import * as records from "@/app/api/aid/records/route";
import * as events from "@/app/api/events/route";
import * as eventItem from "@/app/api/events/[id]/route";
import { readDataVersion } from "@/lib/data-version";

let t: TestDatabase;
let token: string;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
  token = await createWriteToken(t.db);
});
afterAll(async () => t.cleanup());

async function get(handler: typeof summary.GET, path: string, etag?: string) {
  const res = await handler(new Request(`http://localhost${path}`, { headers: etag ? { "if-none-match": etag } : {} }), {
    params: Promise.resolve({}),
  } as never);
  return { status: res.status, etag: res.headers.get("etag"), cache: res.headers.get("x-cache"), text: await res.text() };
}

const source = { publisher: "Test Ministry", title: "Test package", url: "https://example.org/cache-test", publishedAt: "2025-05-01" };
const SUMMARY = "/api/aid/summary?dataset=curated&measure=commitment&donor=DEU";

describe("ETag and the per-version cache", () => {
  it("serves a repeat from the cache, answers a matching If-None-Match with 304, and changes after a write", async () => {
    const first = await get(summary.GET, SUMMARY);
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(/^W\/"v/);
    expect(first.cache).toBe("miss");
    const second = await get(summary.GET, SUMMARY);
    expect(second).toMatchObject({ status: 200, etag: first.etag, cache: "hit", text: first.text });
    const notModified = await get(summary.GET, SUMMARY, first.etag!);
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe("");

    const w = await call(records.POST, "/api/aid/records", {
      method: "POST",
      token,
      body: {
        datasetId: "analyst",
        donorCode: "DEU",
        date: "2025-05-01",
        category: "military",
        measure: "commitment",
        amount: 2e9,
        currency: "EUR",
        sources: [source],
      },
    });
    expect(w.status).toBe(201);
    const after = await get(summary.GET, SUMMARY, first.etag!);
    // The record went to another dataset, but the version is global: no ETag survives a write.
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(first.etag);
    expect(after.cache).toBe("miss");
    const analyst = await get(summary.GET, "/api/aid/summary?dataset=analyst&measure=commitment&donor=DEU");
    expect(JSON.parse(analyst.text).total).toBe(2e9);
  });

  it("never serves a list older than the last committed write: create, patch and delete an event", async () => {
    const path = "/api/events?from=2025-07-01&to=2025-07-01";
    expect(JSON.parse((await get(events.GET, path)).text).items).toHaveLength(0);
    const body = {
      date: "2025-07-01",
      title: "Cache test",
      summary: "An event written between two reads.",
      actors: ["RUS"],
      type: "nuclear_signalling",
      severity: 3,
      confidence: "reported",
      sources: [source],
    };
    const created = await call(events.POST, "/api/events", { method: "POST", body, token });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(JSON.parse((await get(events.GET, path)).text).items.map((e: { id: string }) => e.id)).toEqual([id]);
    const patched = await call(eventItem.PATCH, `/api/events/${id}`, { method: "PATCH", body: { confidence: "confirmed" }, token, params: { id } });
    expect(patched.status).toBe(200);
    expect(JSON.parse((await get(events.GET, path)).text).items[0].confidence).toBe("confirmed");
    const v = await readDataVersion(t.db);
    expect((await call(eventItem.DELETE, `/api/events/${id}`, { method: "DELETE", token, params: { id } })).status).toBe(204);
    expect(await readDataVersion(t.db)).not.toBe(v);
    expect(JSON.parse((await get(events.GET, path)).text).items).toHaveLength(0);
  });

  it("a failed write changes nothing, not even the version", async () => {
    const v = await readDataVersion(t.db);
    const bad = await call(events.POST, "/api/events", { method: "POST", body: { title: "x" }, token });
    expect(bad.status).toBe(400);
    const missing = await call(eventItem.DELETE, "/api/events/evt-none", { method: "DELETE", token, params: { id: "evt-none" } });
    expect(missing.status).toBe(404);
    expect(await readDataVersion(t.db)).toBe(v);
  });
});
