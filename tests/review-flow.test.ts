import { beforeAll, describe, expect, it } from "vitest";
import { useTestApi } from "./helpers/use-test-api";
import { createUser, send, signInCookie } from "./helpers/sessions";
import * as events from "@/app/api/events/route";
import * as explain from "@/app/api/escalation/explain/route";
import * as drafts from "@/app/api/drafts/route";
import * as decide from "@/app/api/drafts/decide/route";
import * as preview from "@/app/api/drafts/preview/route";
import * as audit from "@/app/api/audit/route";
import * as revert from "@/app/api/audit/revert/route";
import * as tokens from "@/app/api/admin/tokens/route";
import { resetAuthThrottle } from "@/lib/auth";

const api = useTestApi();
let editor: string, reviewer: string, admin: string;
let editorUser: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  resetAuthThrottle();
  editorUser = await createUser(api.t.db, "editor");
  editor = await signInCookie(editorUser.email);
  reviewer = await signInCookie((await createUser(api.t.db, "reviewer")).email);
  admin = await signInCookie((await createUser(api.t.db, "admin")).email);
});

const source = { publisher: "Review Desk", title: "A reviewed statement", url: "https://example.org/reviewed-statement", publishedAt: "2025-03-02" };
const body = {
  date: "2025-03-01",
  title: "Draft nuclear statement",
  summary: "A statement tied to a named decision.",
  actors: ["RUS"],
  type: "nuclear_signalling",
  severity: 2,
  confidence: "confirmed",
  sources: [source],
};

const titles = async () => ((await send(events.GET, "/api/events?from=2025-03-01&to=2025-03-01")).body.items as { title: string }[]).map((e) => e.title);
const explained = async () => (await send(explain.GET, "/api/escalation/explain?date=2025-03-01")).body;

describe("an editor's event goes through review", () => {
  let previewOnDate: number;
  let draftId: string;
  let eventId: string;

  it("is a draft: stored, but invisible to public reads", async () => {
    const r = await send(events.POST, "/api/events", { method: "POST", body, cookie: editor });
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ status: "pending", action: "create", entity: "event", author: editorUser.email });
    draftId = r.body.id;
    eventId = r.body.entityId;
    expect(await titles()).not.toContain(body.title);
    expect(JSON.stringify(await explained())).not.toContain(body.title);
    // A new source is not created before publication either.
    expect(await api.t.db.source.count({ where: { url: source.url } })).toBe(0);
  });

  it("previews its effect with the index's engine", async () => {
    const r = await send(preview.POST, "/api/drafts/preview", { method: "POST", body, cookie: editor });
    expect(r.status).toBe(200);
    expect(r.body.date).toBe("2025-03-01");
    expect(r.body.laterDate).toBe("2025-03-31");
    expect(r.body.onDate).toBeGreaterThan(0);
    previewOnDate = r.body.onDate;
    // Decay: a month later it adds less, but still something.
    expect(r.body.later).toBeGreaterThan(0);
    expect(r.body.later).toBeLessThan(r.body.onDate);
  });

  it("shows reviewers a field-by-field diff", async () => {
    const r = await send(drafts.GET, "/api/drafts", { cookie: reviewer });
    const d = r.body.items.find((x: { id: string }) => x.id === draftId);
    expect(d.changes.map((c: { field: string }) => c.field)).toEqual(["date", "title", "summary", "type", "severity", "confidence", "actors", "sources"]);
    expect(d.changes.find((c: { field: string }) => c.field === "sources")).toEqual({ field: "sources", before: null, after: [source.url] });
  });

  it("reaches the public views, with its source, when a reviewer publishes it", async () => {
    const r = await send(decide.POST, "/api/drafts/decide", {
      method: "POST",
      body: { decision: "publish", id: draftId, comment: "checked against the source" },
      cookie: reviewer,
    });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe("published");
    expect(await titles()).toContain(body.title);
    const ex = await explained();
    const mine = ex.contributions.find((c: { event: { id: string } }) => c.event.id === eventId);
    expect(mine.event.sources.map((s: { url: string }) => s.url)).toEqual([source.url]);
    // The preview said what the published event now adds (a 2025 event leaves the 2022 scale alone).
    expect(mine.contribution).toBeCloseTo(previewOnDate, 9);
    // Published once only.
    expect((await send(decide.POST, "/api/drafts/decide", { method: "POST", body: { decision: "publish", id: draftId }, cookie: reviewer })).status).toBe(409);
  });

  it("is gone again after a reviewer reverts it, with two history entries", async () => {
    const history = await send(audit.GET, `/api/audit?entity=event&entityId=${eventId}`, { cookie: reviewer });
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(["publish"]);
    const r = await send(revert.POST, "/api/audit/revert", { method: "POST", body: { id: history.body.items[0].id, comment: "wrong date" }, cookie: reviewer });
    expect(r.status).toBe(201);
    expect(await titles()).not.toContain(body.title);
    const after = await send(audit.GET, `/api/audit?entity=event&entityId=${eventId}`, { cookie: admin });
    expect(after.body.items.map((e: { action: string }) => e.action)).toEqual(["revert", "publish"]);
    expect(after.body.items[0]).toMatchObject({ revertOf: history.body.items[0].id, comment: "wrong date", after: null });
    // Reverting the revert brings it back: the undo is an ordinary, revertible change.
    expect((await send(revert.POST, "/api/audit/revert", { method: "POST", body: { id: after.body.items[0].id }, cookie: reviewer })).status).toBe(201);
    expect(await titles()).toContain(body.title);
  });

  it("filters the history by user and date", async () => {
    const mine = await send(audit.GET, `/api/audit?user=${encodeURIComponent(editorUser.email)}`, { cookie: admin });
    expect(mine.body.items.map((e: { action: string }) => e.action)).toEqual(["draft"]);
    const future = await send(audit.GET, "/api/audit?from=2099-01-01", { cookie: admin });
    expect(future.body.total).toBe(0);
    expect((await send(audit.GET, "/api/audit?from=2025-02-01&to=2025-01-01", { cookie: admin })).status).toBe(400);
  });

  it("a rejection needs a reason and leaves the public data alone", async () => {
    const r = await send(events.POST, "/api/events", { method: "POST", body: { ...body, title: "To be rejected" }, cookie: editor });
    expect((await send(decide.POST, "/api/drafts/decide", { method: "POST", body: { decision: "reject", id: r.body.id }, cookie: reviewer })).status).toBe(400);
    const ok = await send(decide.POST, "/api/drafts/decide", {
      method: "POST",
      body: { decision: "reject", id: r.body.id, comment: "no second source" },
      cookie: reviewer,
    });
    expect(ok.body).toMatchObject({ status: "rejected", reviewComment: "no second source" });
    expect(await titles()).not.toContain("To be rejected");
  });
});

describe("script tokens: owned, with a role and an expiry, revocable", () => {
  it("cannot act above the owner's role, acts with its own role, and stops when revoked", async () => {
    const tooHigh = await send(tokens.POST, "/api/admin/tokens", { method: "POST", body: { label: "x", role: "admin", userId: editorUser.id }, cookie: admin });
    expect(tooHigh.status).toBe(400);
    const made = await send(tokens.POST, "/api/admin/tokens", {
      method: "POST",
      body: { label: "editor script", role: "editor", userId: editorUser.id },
      cookie: admin,
    });
    expect(made.status).toBe(201);
    const r = await send(events.POST, "/api/events", { method: "POST", body: { ...body, title: "By token" }, token: made.body.token });
    expect(r.status).toBe(202); // an editor's token proposes
    expect(r.body.author).toBe(`${editorUser.email} (token editor script)`);
    await send(tokens.DELETE, `/api/admin/tokens?id=${made.body.id}`, { method: "DELETE", cookie: admin });
    expect((await send(events.POST, "/api/events", { method: "POST", body, token: made.body.token })).status).toBe(401);
    resetAuthThrottle();
  });

  it("stops after its last day", async () => {
    const made = await send(tokens.POST, "/api/admin/tokens", {
      method: "POST",
      body: { label: "short", role: "admin", expiresOn: new Date().toISOString().slice(0, 10) },
      cookie: admin,
    });
    expect(made.status).toBe(201);
    expect((await send(drafts.GET, "/api/drafts", { token: made.body.token })).status).toBe(200);
    await api.t.db.apiToken.update({ where: { id: made.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await send(drafts.GET, "/api/drafts", { token: made.body.token })).status).toBe(401);
    expect(
      (await send(tokens.POST, "/api/admin/tokens", { method: "POST", body: { label: "past", role: "admin", expiresOn: "2020-01-01" }, cookie: admin })).status,
    ).toBe(400);
    resetAuthThrottle();
  });
});
