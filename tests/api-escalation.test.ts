import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";
import { call } from "./helpers/call-route";
import { createWriteToken } from "./helpers/tokens";
import * as escalation from "@/app/api/escalation/route";
import * as explain from "@/app/api/escalation/explain/route";
import * as method from "@/app/api/escalation/method/route";
import * as events from "@/app/api/events/route";
import * as eventItem from "@/app/api/events/[id]/route";
import * as deployments from "@/app/api/deployments/route";
import * as deploymentItem from "@/app/api/deployments/[id]/route";
import { CHANNELS } from "@/lib/domain/taxonomy";
import { readSeedData } from "@/lib/seed/seed-files";

/** The last curated event of the reviewed seed, which the coverage end must report. */
const LAST_CURATED_EVENT = readSeedData()
  .events.map((e) => e.date)
  .sort()
  .at(-1)!;
import { ESCALATION_METHOD_VERSION } from "@/lib/escalation/method-version";

let t: TestDatabase;
let token: string;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
  token = await createWriteToken(t.db);
});
afterAll(async () => t.cleanup());

const NK_DEPLOYMENT = "evt-2024-10-18-north-korean-troops-deployed-to-russia";
const today = () => new Date().toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

type Point = { date: string; value: number; components: Record<string, number> };

async function series(qs: string) {
  const r = await call(escalation.GET, `/api/escalation?${qs}`);
  expect(r.status, r.text).toBe(200);
  return r.body as { params: any; scale: { factor: number; scaled: boolean; reference: string }; points: Point[]; events: any[]; eventCount: number };
}

async function valueOn(date: string, halfLife = 30): Promise<number> {
  const s = await series(`from=${date}&to=${date}&halfLife=${halfLife}`);
  return s.points[0].value;
}

describe("GET /api/escalation", () => {
  it("defaults to a daily, scaled index of every channel from the invasion to today", async () => {
    const s = await series("");
    expect(s.params).toEqual({ from: "2022-02-24", to: today(), halfLifeDays: 30, channels: [...CHANNELS] });
    expect(s.points).toHaveLength(daysBetween("2022-02-24", today()) + 1);
    expect(s.points[0].date).toBe("2022-02-24");
    expect(s.points.at(-1)!.date).toBe(today());
    expect(s.scale.scaled).toBe(true);
    expect(s.scale.reference).toMatch(/2022/);
    expect(s.eventCount).toBe(72);
    expect(s.events).toHaveLength(72);
    expect(s.events.find((e) => e.id === NK_DEPLOYMENT)).toMatchObject({
      date: "2024-10-18",
      type: "third_country_deployment",
      channel: "third_country",
      severity: 4,
      confidence: "reported",
      summary: expect.stringContaining("NIS"),
      actors: ["PRK", "RUS"],
      sources: expect.arrayContaining([expect.objectContaining({ publisher: expect.any(String), url: expect.stringMatching(/^https?:\/\//) })]),
    });
    for (const p of s.points.slice(0, 400)) {
      expect(Object.keys(p.components)).toEqual([...CHANNELS]);
      expect(p.value).toBeCloseTo(sum(Object.values(p.components)), 9);
      expect(p.components.de_escalation).toBeLessThanOrEqual(0);
    }
  });

  it("says where the curated events end and which method version computed it, whatever the range", async () => {
    const all = await call(escalation.GET, "/api/escalation");
    const lastEvent = all.body.events
      .map((e: { date: string }) => e.date)
      .sort()
      .at(-1);
    expect(lastEvent).toBe(LAST_CURATED_EVENT);
    expect(all.body.coverageEnd).toBe(lastEvent);
    expect(all.body.methodVersion).toBe(ESCALATION_METHOD_VERSION);
    expect(ESCALATION_METHOD_VERSION).toMatch(/^\d+\.\d+\b/);
    // A window before the last event still reports the coverage of the whole event list.
    const early = await call(escalation.GET, "/api/escalation?from=2022-03-01&to=2022-03-31");
    expect(early.body).toMatchObject({ coverageEnd: LAST_CURATED_EVENT, methodVersion: ESCALATION_METHOD_VERSION });
    const explained = await call(explain.GET, "/api/escalation/explain?date=2026-01-15");
    expect(explained.status).toBe(200);
    expect(explained.body).toMatchObject({ coverageEnd: LAST_CURATED_EVENT, methodVersion: ESCALATION_METHOD_VERSION });
  });

  it("scales so that the highest 30-day trailing mean of 2022 is 100", async () => {
    // Windows ending on 1 Jan 2022 reach back 29 days into December 2021.
    const s = await series("from=2021-12-03&to=2022-12-31");
    const v = s.points.map((p) => p.value);
    let peak = -Infinity;
    for (let i = 29; i < v.length; i++) peak = Math.max(peak, sum(v.slice(i - 29, i + 1)) / 30);
    expect(peak).toBeCloseTo(100, 9);
  });

  it("never rescales when the window narrows, and lists only the window's events as markers", async () => {
    const full = await series("");
    const narrow = await series("from=2024-10-01&to=2024-10-31");
    expect(narrow.points).toHaveLength(31);
    expect(narrow.scale.factor).toBe(full.scale.factor);
    const day = (pts: Point[], d: string) => pts.find((p) => p.date === d)!.value;
    expect(day(narrow.points, "2024-10-18")).toBeCloseTo(day(full.points, "2024-10-18"), 9);
    expect(narrow.events.map((e) => e.id)).toEqual([NK_DEPLOYMENT, "evt-2024-10-28-north-korean-troops-confirmed-in-kursk"]);
    expect(narrow.eventCount).toBe(72);
  });

  it("follows the half-life: a longer memory keeps old events alive", async () => {
    const s30 = await series("from=2024-10-18&to=2024-10-18&halfLife=30");
    const s90 = await series("from=2024-10-18&to=2024-10-18&halfLife=90");
    expect(s90.params.halfLifeDays).toBe(90);
    expect(s90.scale.factor).not.toBeCloseTo(s30.scale.factor, 3);
    expect(s90.points[0].value).not.toBeCloseTo(s30.points[0].value, 3);
    // The NIS report counts without decay on its own day, whatever the half-life: 4 × reported (0.6) × factor.
    const e = await call(explain.GET, "/api/escalation/explain?date=2024-10-18&halfLife=90");
    const nk = e.body.contributions.find((c: any) => c.event.id === NK_DEPLOYMENT);
    expect(nk.contribution).toBeCloseTo(4 * 0.6 * s90.scale.factor, 9);
  });

  it("sums only the selected sub-indices into value, keeping every component", async () => {
    const all = await series("from=2024-10-01&to=2024-12-31");
    const some = await series("from=2024-10-01&to=2024-12-31&subindex=nuclear,third_country");
    expect(some.params.channels).toEqual(["nuclear", "third_country"]);
    expect(some.scale.factor).toBe(all.scale.factor);
    some.points.forEach((p, i) => {
      expect(p.components).toEqual(all.points[i].components);
      expect(p.value).toBeCloseTo(p.components.nuclear + p.components.third_country, 9);
    });
    const order = await series("from=2024-10-01&to=2024-10-01&subindex=third_country,nuclear,nuclear");
    expect(order.params.channels).toEqual(["nuclear", "third_country"]);
  });

  it.each([
    ["halfLife=0", "halfLife"],
    ["halfLife=366", "halfLife"],
    ["halfLife=soon", "halfLife"],
    ["from=2024-05-01&to=2024-01-01", "from"],
    ["from=2099-01-01", "from"],
    ["subindex=naval", "subindex"],
    ["subindex=,", "subindex"],
    ["from=2024-02-30", "from"],
    ["to=18-10-2024", "to"],
  ])("rejects %s with 400 naming %s", async (qs, param) => {
    const r = await call(escalation.GET, `/api/escalation?${qs}`);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe("BAD_REQUEST");
    expect(r.body.error).toContain(`"${param}"`);
  });

  it("serves the method document as markdown", async () => {
    const r = await call(method.GET, "/api/escalation/method");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/markdown");
    expect(r.text).toContain("# The escalation index");
  });
});

describe("GET /api/escalation/explain", () => {
  it.each(["2022-02-24", "2022-09-21", "2023-06-16", "2024-10-18", "2025-06-01", "2026-01-15"])(
    "lists contributions on %s that add up to that day's index value",
    async (date) => {
      for (const halfLife of [30, 7, 180]) {
        const r = await call(explain.GET, `/api/escalation/explain?date=${date}&halfLife=${halfLife}`);
        expect(r.status).toBe(200);
        const listed = sum(r.body.contributions.map((c: any) => c.contribution));
        expect(Math.abs(listed - r.body.value)).toBeLessThan(1e-9);
        expect(Math.abs(r.body.value - (await valueOn(date, halfLife)))).toBeLessThan(1e-9);
        expect(Math.abs(r.body.omitted.contribution)).toBeLessThanOrEqual(1e-10);
        for (const c of r.body.contributions) {
          expect(c.event.date <= date).toBe(true);
          expect(c.ageDays).toBe(daysBetween(c.event.date, date));
          expect(c.decayFactor).toBeCloseTo(0.5 ** (c.ageDays / halfLife), 12);
          expect(c.contribution).toBeCloseTo(c.event.severity * c.confidenceWeight * c.decayFactor * r.body.scale.factor, 9);
        }
      }
    },
  );

  it("explains the North Korean deployment day with the event's sources, largest contribution first", async () => {
    const r = await call(explain.GET, "/api/escalation/explain?date=2024-10-18");
    const sizes = r.body.contributions.map((c: any) => Math.abs(c.contribution));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const nk = r.body.contributions.find((c: any) => c.event.id === NK_DEPLOYMENT);
    expect(nk).toMatchObject({ channel: "third_country", ageDays: 0, decayFactor: 1, confidenceWeight: 0.6 });
    expect(nk.event.sources.length).toBeGreaterThanOrEqual(3);
    expect(nk.event.sources[0]).toMatchObject({ publisher: expect.any(String), url: expect.stringMatching(/^https?:\/\//) });
    expect(r.body.params).toEqual({ date: "2024-10-18", halfLifeDays: 30 });
  });

  it.each([
    ["", "date"],
    ["date=2024-13-01", "date"],
    ["date=2024-10-18&halfLife=0.5", "halfLife"],
  ])("rejects ?%s with 400 naming %s", async (qs, param) => {
    const r = await call(explain.GET, `/api/escalation/explain?${qs}`);
    expect(r.status).toBe(400);
    expect(r.body.error).toContain(`"${param}"`);
  });
});

describe("the index follows the event list", () => {
  const body = {
    date: "2025-01-10",
    title: "Test nuclear warning",
    summary: "A test event for the index.",
    actors: ["RUS"],
    type: "nuclear_signalling",
    severity: 4,
    confidence: "confirmed",
    sources: [{ publisher: "Test Agency", title: "Test report", url: "https://example.org/test-warning" }],
  };

  it("recomputes after an event is created, re-scored and deleted", async () => {
    const date = body.date;
    const { scale } = await series(`from=${date}&to=${date}`);
    const before = await valueOn(date);

    const created = await call(events.POST, "/api/events", { method: "POST", body, token });
    expect(created.status).toBe(201);
    const id = created.body.id;
    // A 2025 event leaves the 2022 reference, so the factor, alone: +4 × factor on its day.
    expect((await valueOn(date)) - before).toBeCloseTo(4 * scale.factor, 9);
    const after30 = await series(`from=2025-02-09&to=2025-02-09`);
    const base30 = await call(explain.GET, "/api/escalation/explain?date=2025-02-09");
    expect(base30.body.contributions.find((c: any) => c.event.id === id).contribution).toBeCloseTo(2 * scale.factor, 9);
    expect(after30.points[0].value).toBeCloseTo(base30.body.value, 9);

    const patched = await call(eventItem.PATCH, `/api/events/${id}`, { method: "PATCH", body: { severity: 9 }, token, params: { id } });
    expect(patched.status).toBe(200);
    expect((await valueOn(date)) - before).toBeCloseTo(9 * scale.factor, 9);

    const reported = await call(eventItem.PATCH, `/api/events/${id}`, { method: "PATCH", body: { confidence: "reported" }, token, params: { id } });
    expect(reported.status).toBe(200);
    expect((await valueOn(date)) - before).toBeCloseTo(9 * 0.6 * scale.factor, 9);

    const deleted = await call(eventItem.DELETE, `/api/events/${id}`, { method: "DELETE", token, params: { id } });
    expect(deleted.status).toBe(204);
    expect(await valueOn(date)).toBeCloseTo(before, 12);
  });

  it("moves coverageEnd to a newer curated event, and back when it is deleted", async () => {
    const coverage = async () => ((await series("from=2022-03-01&to=2022-03-01")) as unknown as { coverageEnd: string }).coverageEnd;
    expect(await coverage()).toBe(LAST_CURATED_EVENT);
    const created = await call(events.POST, "/api/events", {
      method: "POST",
      body: { ...body, date: "2026-11-29", sources: [{ ...body.sources[0], url: "https://example.org/test-2026" }] },
      token,
    });
    expect(created.status).toBe(201);
    expect(await coverage()).toBe("2026-11-29");
    await call(eventItem.DELETE, `/api/events/${created.body.id}`, { method: "DELETE", token, params: { id: created.body.id } });
    expect(await coverage()).toBe(LAST_CURATED_EVENT);
  });

  it("rescales when an event changes the 2022 reference", async () => {
    const { scale } = await series("from=2022-06-01&to=2022-06-01");
    const created = await call(events.POST, "/api/events", {
      method: "POST",
      body: { ...body, date: "2022-06-01", severity: 10, sources: [{ ...body.sources[0], url: "https://example.org/test-2022" }] },
      token,
    });
    expect(created.status).toBe(201);
    const moved = await series("from=2022-06-01&to=2022-06-01");
    expect(moved.scale.factor).toBeLessThan(scale.factor);
    await call(eventItem.DELETE, `/api/events/${created.body.id}`, { method: "DELETE", token, params: { id: created.body.id } });
    expect((await series("from=2022-06-01&to=2022-06-01")).scale.factor).toBe(scale.factor);
  });

  it("refuses writes without a valid token and leaves the index alone", async () => {
    const before = await valueOn("2025-01-10");
    for (const tok of [undefined, "aem_wrong-token"]) {
      expect((await call(events.POST, "/api/events", { method: "POST", body, token: tok })).status).toBe(401);
      const id = NK_DEPLOYMENT;
      expect((await call(eventItem.PATCH, `/api/events/${id}`, { method: "PATCH", body: { severity: 1 }, token: tok, params: { id } })).status).toBe(401);
      expect((await call(eventItem.DELETE, `/api/events/${id}`, { method: "DELETE", token: tok, params: { id } })).status).toBe(401);
    }
    expect(await valueOn("2025-01-10")).toBe(before);
    expect(await t.db.event.count()).toBe(72);
  });

  it.each([
    [{ ...body, severity: 11 }, "severity"],
    [{ ...body, type: "de_escalation" }, "severity"],
    [{ ...body, date: "2025-02-29" }, "date"],
    [{ ...body, sources: [] }, "sources"],
  ])("answers 400 to a bad event and writes nothing (%#)", async (b, field) => {
    const r = await call(events.POST, "/api/events", { method: "POST", body: b, token });
    expect(r.status).toBe(400);
    expect(r.body.issues[0].path[0]).toBe(field);
    expect(await t.db.event.count()).toBe(72);
  });
});

describe("GET /api/events filters", () => {
  it("filters by type, date range and confidence", async () => {
    const r = await call(events.GET, "/api/events?type=third_country_deployment&from=2024-01-01&to=2024-12-31");
    expect(r.status).toBe(200);
    expect(r.body.items.map((e: any) => e.id)).toEqual([
      "evt-2024-01-04-north-korean-ballistic-missiles-used",
      "evt-2024-09-10-iran-ballistic-missiles-to-russia",
      NK_DEPLOYMENT,
      "evt-2024-10-28-north-korean-troops-confirmed-in-kursk",
    ]);
    const disputed = await call(events.GET, "/api/events?confidence=disputed");
    expect(disputed.body.total).toBe(3);
    for (const e of disputed.body.items) expect(e.confidence).toBe("disputed");
  });

  it("filters by actor (case-insensitive) and pages in date order", async () => {
    const r = await call(events.GET, "/api/events?actor=prk");
    expect(r.body.total).toBe(8);
    for (const e of r.body.items) expect(e.actors).toContain("PRK");
    const page = await call(events.GET, "/api/events?pageSize=10&page=7");
    expect(page.body).toMatchObject({ total: 72, page: 7, pageSize: 10 });
    expect(page.body.items).toHaveLength(10);
    const dates = page.body.items.map((e: any) => e.date);
    expect(dates).toEqual([...dates].sort());
  });

  it.each(["type=war", "confidence=likely", "from=2024-06-01&to=2024-01-01", "pageSize=0"])("rejects %s with 400", async (qs) => {
    expect((await call(events.GET, `/api/events?${qs}`)).status).toBe(400);
  });
});

describe("GET /api/deployments filters", () => {
  it("lists the 20 seeded North Korean deployment entries in date order with sources", async () => {
    expect((await call(deployments.GET, "/api/deployments")).body.total).toBe(21);
    const r = await call(deployments.GET, "/api/deployments?country=PRK");
    expect(r.body.total).toBe(20);
    const dates = r.body.items.map((d: any) => d.date);
    expect(dates).toEqual([...dates].sort());
    for (const d of r.body.items) {
      expect(d).toMatchObject({ deployingCountry: "PRK", hostCountry: "RUS" });
      expect(d.sources.length).toBeGreaterThan(0);
    }
  });

  it("filters by status, country and date range", async () => {
    const ack = await call(deployments.GET, "/api/deployments?status=acknowledged");
    expect(ack.body.items.map((d: any) => d.status)).toEqual(Array(ack.body.total).fill("acknowledged"));
    expect(ack.body.total).toBe(4);
    const oct = await call(deployments.GET, "/api/deployments?from=2024-10-01&to=2024-10-31");
    expect(oct.body.items.map((d: any) => d.date)).toEqual(["2024-10-18", "2024-10-18", "2024-10-23", "2024-10-28", "2024-10-31"]);
    const host = await call(deployments.GET, "/api/deployments?country=rus&status=reported,confirmed");
    expect(host.body.total).toBe(17);
    expect((await call(deployments.GET, "/api/deployments?country=IRN")).body.total).toBe(1);
  });

  it.each(["status=rumoured", "country=North%20Korea", "from=2025-01-01&to=2024-01-01", "pageSize=1001"])("rejects %s with 400", async (qs) => {
    expect((await call(deployments.GET, `/api/deployments?${qs}`)).status).toBe(400);
  });

  it("answers 401 to writes without a token and 400 to a bad body", async () => {
    const body = {
      date: "2025-07-01",
      deployingCountry: "PRK",
      hostCountry: "RUS",
      location: "Kursk Oblast",
      forceType: "engineers",
      personnelLow: 100,
      personnelHigh: 50,
      status: "reported",
      sources: ["src-natoassoc-ofwono-2024"],
    };
    expect((await call(deployments.POST, "/api/deployments", { method: "POST", body })).status).toBe(401);
    const id = "dep-2025-06-17-shoigu-deminers";
    expect((await call(deploymentItem.PATCH, `/api/deployments/${id}`, { method: "PATCH", body: { status: "denied" }, params: { id } })).status).toBe(401);
    const bad = await call(deployments.POST, "/api/deployments", { method: "POST", body, token });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path[0]).toBe("personnelLow");
    expect(await t.db.deployment.count()).toBe(21);
  });
});
