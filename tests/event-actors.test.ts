/**
 * Actors are a list of known codes, stored one row each, and the events filter
 * is an exact match on them: no LIKE wildcards, no prefixes, no comma splits.
 */
import { describe, expect, it } from "vitest";
import { call } from "./helpers/call-route";
import { useTestApi } from "./helpers/use-test-api";
import * as events from "@/app/api/events/route";
import * as eventItem from "@/app/api/events/[id]/route";
import { listEvents } from "@/lib/events/queries";
import { ZEventsQuery } from "@/lib/events/schemas";
import { readSeedData } from "@/lib/seed/seed-files";

const api = useTestApi();

const seedEvents = readSeedData().events;
const involving = (code: string) =>
  seedEvents
    .filter((e) => e.actors.includes(code))
    .map((e) => e.id)
    .sort();
const ids = (body: { items: { id: string }[] }) => body.items.map((e) => e.id).sort();

const body = (actors: unknown) => ({
  date: "2025-03-01",
  title: "Actor test",
  summary: "An event to test actors",
  actors,
  type: "treaty_alliance",
  severity: 4,
  confidence: "reported",
  sources: [{ publisher: "Test", title: "Actor test", url: "https://example.org/actors" }],
});

/** The query layer alone, past validation: the stored list is matched by equality, never by pattern. */
async function listByActor(actor: string[]) {
  return listEvents(api.t.db, { ...ZEventsQuery.parse({ pageSize: "1000" }), actor });
}

describe("GET /api/events?actor=", () => {
  it("matches exactly the events involving the code, case-insensitively", async () => {
    expect(involving("RUS").length).toBeGreaterThan(10);
    const r = await call(events.GET, "/api/events?actor=rus&pageSize=1000");
    expect(r.status).toBe(200);
    expect(ids(r.body)).toEqual(involving("RUS"));
  });

  it("takes a list: events involving any of the codes", async () => {
    const r = await call(events.GET, "/api/events?actor=PRK,IRN&pageSize=1000");
    expect(ids(r.body)).toEqual([...new Set([...involving("PRK"), ...involving("IRN")])].sort());
  });

  it.each(["%", "%25", "_", "RU", "XXX", "Korea"])("answers 400 naming the parameter for the unknown actor %s", async (value) => {
    const r = await call(events.GET, `/api/events?actor=${value}`);
    expect(r.status).toBe(400);
    expect(r.body.issues[0].path[0]).toBe("actor");
    expect(r.body.error).toMatch(/unknown actor/);
  });

  it("reports many unknown codes as one issue, so the error stays small", async () => {
    const codes = Array.from({ length: 99 }, (_, i) => `Q${String(i).padStart(2, "0")}`).join(",");
    const r = await call(events.GET, `/api/events?actor=RUS,${codes}`);
    expect(r.status).toBe(400);
    expect(r.body.issues).toEqual([{ path: ["actor", 1], message: expect.stringMatching(/^unknown actor "Q00", "Q01", "Q02", "Q03", "Q04" and 94 more: /) }]);
    expect(r.text.length).toBeLessThan(1000);
  });

  it("has no wildcard or prefix semantics even past validation", async () => {
    expect((await listByActor(["%"])).total).toBe(0);
    expect((await listByActor(["_"])).total).toBe(0);
    expect((await listByActor(["RU"])).total).toBe(0);
    expect((await listByActor(["R%"])).total).toBe(0);
    expect((await listByActor(["RUS"])).total).toBe(involving("RUS").length);
  });

  it("does not match a code inside a longer one (EU is not DEU, UN is not HUN)", async () => {
    expect(involving("DEU").length).toBeGreaterThan(0);
    const created = await call(events.POST, "/api/events", { method: "POST", token: api.token, body: body(["EU", "UKR"]) });
    expect(created.status).toBe(201);
    const eu = await call(events.GET, "/api/events?actor=EU&pageSize=1000");
    expect(ids(eu.body)).toEqual([created.body.id]);
    const deu = await call(events.GET, "/api/events?actor=DEU&pageSize=1000");
    expect(ids(deu.body)).toEqual(involving("DEU"));
    expect((await call(events.GET, "/api/events?actor=UN")).body.total).toBe(0);
  });
});

describe("actors on writes", () => {
  it("stores codes as a list: upper-cased, repeats dropped, order kept, one row each", async () => {
    const r = await call(events.POST, "/api/events", { method: "POST", token: api.token, body: body(["prk", " RUS ", "PRK", "nato"]) });
    expect(r.status).toBe(201);
    expect(r.body.actors).toEqual(["PRK", "RUS", "NATO"]);
    const rows = await api.t.db.eventActor.findMany({ where: { eventId: r.body.id }, orderBy: { position: "asc" } });
    expect(rows.map((a) => a.actorCode)).toEqual(["PRK", "RUS", "NATO"]);
    const read = await call(eventItem.GET, `/api/events/${r.body.id}`, { params: { id: r.body.id } });
    expect(read.body.actors).toEqual(["PRK", "RUS", "NATO"]);
  });

  it("refuses a name with a comma instead of splitting it into two actors", async () => {
    const before = await api.t.db.event.count();
    const r = await call(events.POST, "/api/events", { method: "POST", token: api.token, body: body(["Korea, North"]) });
    expect(r.status).toBe(400);
    expect(r.body.issues.map((i: { path: unknown[] }) => i.path)).toContainEqual(["actors", 0]);
    const joined = await call(events.POST, "/api/events", { method: "POST", token: api.token, body: body(["RUS,UKR"]) });
    expect(joined.status).toBe(400);
    expect(await api.t.db.event.count()).toBe(before);
  });

  it.each([[["XXX"]], [["RU"]], [["%"]], [[""]]])("answers 400 to the unknown actor %j", async (actors) => {
    const r = await call(events.POST, "/api/events", { method: "POST", token: api.token, body: body(actors) });
    expect(r.status).toBe(400);
    expect(r.body.issues[0].path).toEqual(["actors", 0]);
  });

  it("PATCH replaces the list; DELETE removes its rows", async () => {
    const { body: e } = await call(events.POST, "/api/events", { method: "POST", token: api.token, body: body(["RUS"]) });
    const p = await call(eventItem.PATCH, `/api/events/${e.id}`, { method: "PATCH", token: api.token, params: { id: e.id }, body: { actors: ["ukr", "pol"] } });
    expect(p.status).toBe(200);
    expect(p.body.actors).toEqual(["UKR", "POL"]);
    expect((await call(events.GET, "/api/events?actor=POL&pageSize=1000")).body.items.map((x: { id: string }) => x.id)).toContain(e.id);
    expect((await call(events.GET, "/api/events?actor=RUS&pageSize=1000")).body.items.map((x: { id: string }) => x.id)).not.toContain(e.id);
    const untouched = await call(eventItem.PATCH, `/api/events/${e.id}`, {
      method: "PATCH",
      token: api.token,
      params: { id: e.id },
      body: { title: "Renamed" },
    });
    expect(untouched.body.actors).toEqual(["UKR", "POL"]);
    expect((await call(eventItem.DELETE, `/api/events/${e.id}`, { method: "DELETE", token: api.token, params: { id: e.id } })).status).toBe(204);
    expect(await api.t.db.eventActor.count({ where: { eventId: e.id } })).toBe(0);
  });
});
