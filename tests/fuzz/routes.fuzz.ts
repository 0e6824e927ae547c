/**
 * Property-based fuzzing of every API route handler (`npm run test:fuzz`):
 * generated query strings, path ids, JSON and upload bodies and headers, sent
 * through the proxy's screen and the handler itself, on a seeded SQLite
 * database. Every response must be 2xx or 4xx, JSON (or the route's CSV or
 * Markdown), free of internals; a rejected request and every read must leave
 * every table as it was. FUZZ_SEED (default 20261130) and FUZZ_RUNS (runs per
 * route and method, default 100) bound and reproduce a run.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { createWriteToken } from "../helpers/tokens";
import { resetAuthThrottle } from "@/lib/auth";
import { screenApiRequest } from "@/lib/security/screen-api-request";
import { API_ROUTE_METHODS } from "@/lib/security/api-methods";
import * as aidRecords from "@/app/api/aid/records/route";
import * as aidRecordItem from "@/app/api/aid/records/[id]/route";
import * as aidSummary from "@/app/api/aid/summary/route";
import * as aidTimeseries from "@/app/api/aid/timeseries/route";
import * as deployments from "@/app/api/deployments/route";
import * as deploymentItem from "@/app/api/deployments/[id]/route";
import * as escalation from "@/app/api/escalation/route";
import * as escalationExplain from "@/app/api/escalation/explain/route";
import * as escalationMethod from "@/app/api/escalation/method/route";
import * as events from "@/app/api/events/route";
import * as eventItem from "@/app/api/events/[id]/route";
import * as imports from "@/app/api/imports/route";
import * as importsAid from "@/app/api/imports/aid/route";
import * as importsEvents from "@/app/api/imports/events/route";
import * as conflictDaily from "@/app/api/conflict/daily/route";
import * as conflictExplain from "@/app/api/conflict/explain/route";
import * as conflictRegions from "@/app/api/conflict/regions/route";
import * as meta from "@/app/api/meta/route";
import * as openapi from "@/app/api/openapi.json/route";
import * as weapons from "@/app/api/weapons/route";
import * as adminTokens from "@/app/api/admin/tokens/route";
import * as adminUsers from "@/app/api/admin/users/route";
import * as audit from "@/app/api/audit/route";
import * as auditRevert from "@/app/api/audit/revert/route";
import * as authSession from "@/app/api/auth/session/route";
import * as authSignIn from "@/app/api/auth/sign-in/email/route";
import * as authSignOut from "@/app/api/auth/sign-out/route";
import * as drafts from "@/app/api/drafts/route";
import * as draftsDecide from "@/app/api/drafts/decide/route";
import * as draftsPreview from "@/app/api/drafts/preview/route";
import { ROUTE_METHODS, arbRequest, envInt, fuzzSeed, type FuzzIds, type FuzzRequest } from "./fuzz-requests";
import { FuzzTally, inspectResponse, type SeenResponse } from "./inspect-response";
import { changedTables, watchSqlite, type DbState } from "./db-watch";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const MODULES: Record<string, Record<string, unknown>> = {
  "/api/aid/records": aidRecords,
  "/api/aid/records/[id]": aidRecordItem,
  "/api/aid/summary": aidSummary,
  "/api/aid/timeseries": aidTimeseries,
  "/api/conflict/daily": conflictDaily,
  "/api/conflict/explain": conflictExplain,
  "/api/conflict/regions": conflictRegions,
  "/api/deployments": deployments,
  "/api/deployments/[id]": deploymentItem,
  "/api/escalation": escalation,
  "/api/escalation/explain": escalationExplain,
  "/api/escalation/method": escalationMethod,
  "/api/events": events,
  "/api/events/[id]": eventItem,
  "/api/imports": imports,
  "/api/imports/aid": importsAid,
  "/api/imports/events": importsEvents,
  "/api/meta": meta,
  "/api/openapi.json": openapi,
  "/api/weapons": weapons,
  "/api/admin/tokens": adminTokens,
  "/api/admin/users": adminUsers,
  "/api/audit": audit,
  "/api/audit/revert": auditRevert,
  "/api/auth/session": authSession,
  "/api/auth/sign-in/email": authSignIn,
  "/api/auth/sign-out": authSignOut,
  "/api/drafts": drafts,
  "/api/drafts/decide": draftsDecide,
  "/api/drafts/preview": draftsPreview,
};

const SEED = fuzzSeed();
const RUNS = envInt("FUZZ_RUNS", 100);
const tally = new FuzzTally();

let t: TestDatabase;
let token: string;
let ids: FuzzIds;
let watch: ReturnType<typeof watchSqlite>;

beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
  token = await createWriteToken(t.db);
  const [ev, dep, aid, src] = await Promise.all([
    t.db.event.findMany({ select: { id: true }, orderBy: { id: "asc" } }),
    t.db.deployment.findMany({ select: { id: true }, orderBy: { id: "asc" } }),
    t.db.aidRecord.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 50 }),
    t.db.source.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 50 }),
  ]);
  ids = { events: ev.map((r) => r.id), deployments: dep.map((r) => r.id), aidRecords: aid.map((r) => r.id), sources: src.map((r) => r.id) };
  watch = watchSqlite(t.url);
});

afterAll(async () => {
  watch?.close();
  await t?.cleanup();
  console.log(`[fuzz] seed ${SEED}, ${RUNS} runs per route and method: ${tally}`);
});

/** Sends a generated request the way Next would: the proxy's screen first, then the route's handler. */
async function send(r: FuzzRequest): Promise<SeenResponse> {
  const headers = new Headers();
  if (r.auth === "valid") headers.set("authorization", `Bearer ${token}`);
  else if (r.auth !== "none") headers.set("authorization", r.auth.header);
  if (r.origin === "same") headers.set("origin", "http://localhost");
  else if (r.origin !== "none") headers.set("origin", r.origin);
  if (r.contentType) headers.set("content-type", r.contentType);
  const url = `http://localhost${r.path}${r.query ? `?${r.query}` : ""}`;
  const screened = screenApiRequest(r.method, new URL(url).pathname);
  const handler = MODULES[r.route][r.method] as Handler;
  const res =
    screened ??
    (await handler(new Request(url, { method: r.method, headers, body: r.body }), {
      params: Promise.resolve<Record<string, string>>(r.id === undefined ? {} : { id: r.id }),
    }));
  return { status: res.status, contentType: res.headers.get("content-type") ?? "", text: await res.text() };
}

function describeRequest(r: FuzzRequest): string {
  const body = r.body && r.body.length > 300 ? `${r.body.slice(0, 300)}… (${r.body.length} chars)` : r.body;
  return JSON.stringify({ ...r, body });
}

/** One generated request: sent, inspected, and for rejections and reads, checked to have changed no row. */
async function check(r: FuzzRequest): Promise<void> {
  resetAuthThrottle();
  const before: DbState = watch.state();
  const res = await send(r);
  const after: DbState = watch.state();
  const problems = inspectResponse(r, res);
  if (res.status >= 400 || r.method === "GET") {
    tally.unchangedChecks++;
    const changed = changedTables(before, after);
    if (changed.length) problems.push(`a ${res.status} changed rows: ${changed.join(", ")}`);
    else if (before.dataVersion !== after.dataVersion) problems.push(`a ${res.status} committed a write`);
  }
  tally.add(res.status, problems);
  if (problems.length) {
    throw new Error(`${r.method} ${r.route} → ${res.status}: ${problems.join("; ")}\nrequest: ${describeRequest(r)}\nresponse: ${res.text.slice(0, 500)}`);
  }
}

describe("the fuzz covers the whole API", () => {
  it("names every route file and every method it exports", () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name === "route.ts") found.push("/" + path.relative(path.join(process.cwd(), "app"), dir).split(path.sep).join("/"));
      }
    };
    walk(path.join(process.cwd(), "app", "api"));
    expect(Object.keys(MODULES).sort()).toEqual(found.sort());
    expect(Object.keys(API_ROUTE_METHODS).sort()).toEqual(found.sort());
    for (const [route, methods] of Object.entries(API_ROUTE_METHODS)) {
      for (const m of methods) expect(typeof MODULES[route][m], `${m} ${route}`).toBe("function");
    }
  });
});

describe("generated requests to every handler answer 2xx or 4xx, JSON, no internals; rejections change no row", () => {
  // Quiet the handlers' own logging of rejected imports; a 500 still fails the check above.
  beforeAll(() => void vi.spyOn(console, "warn").mockImplementation(() => {}));

  it.each(ROUTE_METHODS)("%s %s", async (route, method) => {
    await fc.assert(
      fc.asyncProperty(arbRequest(route, method, ids), (r) => check(r)),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });
});

describe("the proxy's screen", () => {
  it("answers any method and path with nothing (pass on) or a JSON 4xx", async () => {
    const arbPath = fc.oneof(
      fc.constantFrom(...Object.keys(API_ROUTE_METHODS).map((r) => r.replace("[id]", "x"))),
      fc.webPath().map((p) => `/api${p}`),
      fc
        .tuple(fc.constantFrom("/api/events/", "/api/aid/records/", "/api/deployments/", "/api/"), fc.string({ unit: "binary", maxLength: 30 }))
        .map(([a, b]) => a + b),
      fc.constantFrom("/api/events/%FF", "/api/%", "/api/events/%E0%A4%A", `/api/events/${"a".repeat(2100)}`, "/api/meta/", "/api//meta"),
    );
    const arbMethod = fc.oneof(
      fc.constantFrom("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "get"),
      fc.stringMatching(/^[A-Z]{1,10}$/),
    );
    await fc.assert(
      fc.asyncProperty(arbMethod, arbPath, async (method, pathname) => {
        const res = screenApiRequest(method, pathname);
        if (res === null) return;
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        const body = await res.json();
        expect(typeof body.error).toBe("string");
        expect(Array.isArray(body.issues)).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS * 10 },
    );
  });
});
