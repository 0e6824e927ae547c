/**
 * Every write route by role: 401 without a session or token, 403 with a role
 * the permission table (lib/permissions/roles.ts) does not allow, 2xx with one
 * it does, and the audit row each accepted write leaves.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApi } from "./helpers/use-test-api";
import { createUser, send, sessionsByRole } from "./helpers/sessions";
import * as events from "@/app/api/events/route";
import * as eventItem from "@/app/api/events/[id]/route";
import * as deployments from "@/app/api/deployments/route";
import * as deploymentItem from "@/app/api/deployments/[id]/route";
import * as records from "@/app/api/aid/records/route";
import * as recordItem from "@/app/api/aid/records/[id]/route";
import * as importsAid from "@/app/api/imports/aid/route";
import * as kiel from "@/app/api/imports/route";
import * as drafts from "@/app/api/drafts/route";
import * as decide from "@/app/api/drafts/decide/route";
import * as preview from "@/app/api/drafts/preview/route";
import * as audit from "@/app/api/audit/route";
import * as revert from "@/app/api/audit/revert/route";
import * as users from "@/app/api/admin/users/route";
import * as tokens from "@/app/api/admin/tokens/route";
import { ROLES, type Role } from "@/lib/permissions/roles";
import { resetAuthThrottle } from "@/lib/auth";

const api = useTestApi();
let cookies: Record<Role, string>;
beforeAll(async () => {
  resetAuthThrottle();
  cookies = await sessionsByRole(api.t.db);
});

const source = { publisher: "Test Ministry", title: "A test release", url: "https://example.org/role-test", publishedAt: "2024-05-01" };
const eventBody = (n: number) => ({
  date: "2024-06-01",
  title: `Role test ${n}`,
  summary: "s",
  actors: ["RUS"],
  type: "nuclear_signalling",
  severity: 2,
  confidence: "reported",
  sources: [source],
});
const deploymentBody = {
  date: "2024-06-01",
  deployingCountry: "PRK",
  hostCountry: "RUS",
  location: "Kursk",
  forceType: "troops",
  status: "reported",
  sources: [source],
};
const aidBody = {
  datasetId: "curated",
  donorCode: "deu",
  date: "2024-05-01",
  category: "military",
  measure: "commitment",
  amount: 1,
  currency: "EUR",
  sources: [source],
};

let n = 0;
const firstId = async (table: "event" | "deployment") =>
  table === "event"
    ? (await api.t.db.event.findFirstOrThrow({ orderBy: { id: "asc" } })).id
    : (await api.t.db.deployment.findFirstOrThrow({ orderBy: { id: "asc" } })).id;

/** Each write route: how to call it, and the status per role (401 is checked separately, without credentials). */
const CASES: { name: string; call: (auth: { cookie?: string }) => Promise<{ status: number; body: any }>; expect: Record<Role, number> }[] = [
  {
    name: "POST /api/events",
    call: (a) => send(events.POST, "/api/events", { method: "POST", body: eventBody(++n), ...a }),
    expect: { viewer: 403, editor: 202, reviewer: 202, admin: 201 },
  },
  {
    name: "PATCH /api/events/[id]",
    call: async (a) => {
      const id = await firstId("event");
      return send(eventItem.PATCH, `/api/events/${id}`, { method: "PATCH", body: { summary: `edited ${++n}` }, params: { id }, ...a });
    },
    expect: { viewer: 403, editor: 202, reviewer: 202, admin: 200 },
  },
  {
    name: "DELETE /api/events/[id]",
    call: async (a) => {
      const id = (await api.t.db.event.findFirst({ where: { title: { startsWith: "Role test" } } }))?.id ?? "missing";
      return send(eventItem.DELETE, `/api/events/${id}`, { method: "DELETE", params: { id }, ...a });
    },
    expect: { viewer: 403, editor: 202, reviewer: 202, admin: 204 },
  },
  {
    name: "POST /api/deployments",
    call: (a) => send(deployments.POST, "/api/deployments", { method: "POST", body: deploymentBody, ...a }),
    expect: { viewer: 403, editor: 403, reviewer: 403, admin: 201 },
  },
  {
    name: "PATCH /api/deployments/[id]",
    call: async (a) => {
      const id = await firstId("deployment");
      return send(deploymentItem.PATCH, `/api/deployments/${id}`, { method: "PATCH", body: { location: `L${++n}` }, params: { id }, ...a });
    },
    expect: { viewer: 403, editor: 403, reviewer: 403, admin: 200 },
  },
  {
    name: "DELETE /api/deployments/[id]",
    call: async (a) => {
      const id = (await api.t.db.deployment.findFirst({ where: { location: "Kursk" } }))?.id ?? "missing";
      return send(deploymentItem.DELETE, `/api/deployments/${id}`, { method: "DELETE", params: { id }, ...a });
    },
    expect: { viewer: 403, editor: 403, reviewer: 403, admin: 204 },
  },
  {
    name: "POST /api/aid/records",
    call: (a) => send(records.POST, "/api/aid/records", { method: "POST", body: aidBody, ...a }),
    expect: { viewer: 403, editor: 403, reviewer: 403, admin: 201 },
  },
  {
    name: "PATCH /api/aid/records/[id]",
    call: async (a) => {
      const id = (await api.t.db.aidRecord.findFirstOrThrow({ where: { datasetId: "curated" }, orderBy: { id: "asc" } })).id;
      return send(recordItem.PATCH, `/api/aid/records/${id}`, { method: "PATCH", body: { notes: `n${++n}` }, params: { id }, ...a });
    },
    expect: { viewer: 403, editor: 403, reviewer: 403, admin: 200 },
  },
  {
    name: "DELETE /api/aid/records/[id]",
    call: async (a) => {
      const id = (await api.t.db.aidRecord.findFirst({ where: { amount: 1 } }))?.id ?? "missing";
      return send(recordItem.DELETE, `/api/aid/records/${id}`, { method: "DELETE", params: { id }, ...a });
    },
    expect: { viewer: 403, editor: 403, reviewer: 403, admin: 204 },
  },
  {
    name: "POST /api/imports/aid",
    call: async (a) => {
      const csv =
        "date,donor_code,category,measure,amount,currency,source_urls,source_publishers,external_key\n2024-01-10,NLD,military,allocation,5000000,EUR,https://api.example/1,Ministry,a1";
      const res = await importsAid.POST(
        new Request("http://localhost/api/imports/aid?dataset=role-test&replace=true", {
          method: "POST",
          headers: { "content-type": "text/csv", ...(a.cookie ? { cookie: a.cookie } : {}) },
          body: csv,
        }),
        { params: Promise.resolve({}) },
      );
      return { status: res.status, body: await res.json() };
    },
    expect: { viewer: 403, editor: 403, reviewer: 403, admin: 200 },
  },
  {
    name: "POST /api/imports (Kiel)",
    call: (a) => send(kiel.POST, "/api/imports", { method: "POST", body: {}, ...a }),
    expect: { viewer: 403, editor: 403, reviewer: 403, admin: 400 },
  },
  { name: "GET /api/drafts", call: (a) => send(drafts.GET, "/api/drafts", a), expect: { viewer: 403, editor: 200, reviewer: 200, admin: 200 } },
  {
    name: "POST /api/drafts/preview",
    call: (a) => send(preview.POST, "/api/drafts/preview", { method: "POST", body: eventBody(0), ...a }),
    expect: { viewer: 403, editor: 200, reviewer: 200, admin: 200 },
  },
  {
    name: "POST /api/drafts/decide",
    call: async (a) => {
      const d = await api.t.db.draft.findFirst({ where: { status: "pending", action: "create" } });
      return send(decide.POST, "/api/drafts/decide", { method: "POST", body: { decision: "reject", id: d?.id ?? "none", comment: "duplicate" }, ...a });
    },
    expect: { viewer: 403, editor: 403, reviewer: 200, admin: 200 },
  },
  { name: "GET /api/audit", call: (a) => send(audit.GET, "/api/audit", a), expect: { viewer: 403, editor: 403, reviewer: 200, admin: 200 } },
  {
    name: "POST /api/audit/revert",
    call: async (a) => {
      const e = await api.t.db.auditEntry.findFirst({ where: { entity: "event", action: "update" }, orderBy: { at: "desc" } });
      return send(revert.POST, "/api/audit/revert", { method: "POST", body: { id: e?.id ?? "none" }, ...a });
    },
    expect: { viewer: 403, editor: 403, reviewer: 201, admin: 201 },
  },
  { name: "GET /api/admin/users", call: (a) => send(users.GET, "/api/admin/users", a), expect: { viewer: 403, editor: 403, reviewer: 403, admin: 200 } },
  {
    name: "POST /api/admin/users",
    call: (a) =>
      send(users.POST, "/api/admin/users", {
        method: "POST",
        body: { email: `new-${++n}@example.org`, role: "editor", password: "a long enough password" },
        ...a,
      }),
    expect: { viewer: 403, editor: 403, reviewer: 403, admin: 201 },
  },
  {
    name: "PATCH /api/admin/users",
    call: async (a) => {
      const u = await api.t.db.user.findFirst({ where: { email: { startsWith: "new-" } } });
      return send(users.PATCH, "/api/admin/users", { method: "PATCH", body: { id: u?.id ?? "missing", role: "reviewer" }, ...a });
    },
    expect: { viewer: 403, editor: 403, reviewer: 403, admin: 200 },
  },
  { name: "GET /api/admin/tokens", call: (a) => send(tokens.GET, "/api/admin/tokens", a), expect: { viewer: 403, editor: 403, reviewer: 403, admin: 200 } },
  {
    name: "POST /api/admin/tokens",
    call: (a) => send(tokens.POST, "/api/admin/tokens", { method: "POST", body: { label: `t${++n}`, role: "editor" }, ...a }),
    expect: { viewer: 403, editor: 403, reviewer: 403, admin: 201 },
  },
  {
    name: "DELETE /api/admin/tokens",
    call: async (a) => {
      const t = await api.t.db.apiToken.findFirst({ where: { revokedAt: null, label: { startsWith: "t" } } });
      return send(tokens.DELETE, `/api/admin/tokens?id=${t?.id ?? "missing"}`, { method: "DELETE", ...a });
    },
    expect: { viewer: 403, editor: 403, reviewer: 403, admin: 200 },
  },
];

describe("write routes by role", () => {
  it.each(CASES.map((c) => [c.name, c]))("%s: 401 without a session or token", async (_n, c) => {
    const r = await c.call({});
    expect(r.status).toBe(401);
    expect(r.body.code).toBe("UNAUTHORIZED");
  });

  it.each(CASES.map((c) => [c.name, c]))("%s: the permission table decides, role by role", async (_n, c) => {
    const got: Record<string, number> = {};
    for (const role of ROLES) got[role] = (await c.call({ cookie: cookies[role] })).status;
    expect(got).toEqual(c.expect);
  });
});

describe("the audit row each write leaves", () => {
  const last = () => api.t.db.auditEntry.findFirstOrThrow({ orderBy: [{ at: "desc" }, { id: "desc" }] });

  it("an admin's direct write: who, what, before and after", async () => {
    const admin = await createUser(api.t.db, "admin");
    const { signInCookie } = await import("./helpers/sessions");
    const cookie = await signInCookie(admin.email);
    const created = await send(events.POST, "/api/events", {
      method: "POST",
      body: eventBody(900),
      cookie,
      headers: { "x-change-comment": encodeURIComponent("from the ministry's release") },
    });
    expect(created.status).toBe(201);
    let e = await last();
    expect(e).toMatchObject({
      action: "create",
      entity: "event",
      entityId: created.body.id,
      actor: admin.email,
      userId: admin.id,
      before: null,
      comment: "from the ministry's release",
    });
    expect(JSON.parse(e.after!)).toMatchObject({ title: "Role test 900", severity: 2 });

    await send(eventItem.PATCH, `/api/events/${created.body.id}`, { method: "PATCH", body: { severity: 3 }, params: { id: created.body.id }, cookie });
    e = await last();
    expect(e.action).toBe("update");
    expect([JSON.parse(e.before!).severity, JSON.parse(e.after!).severity]).toEqual([2, 3]);

    await send(eventItem.DELETE, `/api/events/${created.body.id}`, { method: "DELETE", params: { id: created.body.id }, cookie });
    e = await last();
    expect(e).toMatchObject({ action: "delete", entityId: created.body.id, after: null });
  });

  it("a refused write leaves no row and changes nothing", async () => {
    const before = await api.t.db.auditEntry.count();
    const events0 = await api.t.db.event.count();
    expect((await send(events.POST, "/api/events", { method: "POST", body: { ...eventBody(1), severity: 0 }, cookie: cookies.admin })).status).toBe(400);
    expect((await send(events.POST, "/api/events", { method: "POST", body: eventBody(1), cookie: cookies.viewer })).status).toBe(403);
    expect(await api.t.db.auditEntry.count()).toBe(before);
    expect(await api.t.db.event.count()).toBe(events0);
  });

  it("imports and token changes are in the same history", async () => {
    const entries = await api.t.db.auditEntry.findMany({ where: { action: { in: ["import", "token.create", "token.revoke", "user.create"] } } });
    expect(new Set(entries.map((e) => e.action))).toEqual(new Set(["import", "token.create", "token.revoke", "user.create"]));
  });
});
