/**
 * The fuzz suite over HTTP, against the production build: a deterministic batch
 * of generated requests (tests/fuzz/fuzz-requests.ts) across every route and
 * method, plus methods the routes do not serve. FUZZ_HTTP_REQUESTS sets the
 * batch (default 1,500; the issue's 10,000-request run is
 * `FUZZ_HTTP_REQUESTS=10000`), FUZZ_SEED the seed.
 *
 * The server is shared with the other specs, so the batch keeps their data as
 * it is: writes name only items this spec created (and deletes at the end),
 * uploads always ask for a dry run.
 */
import fc from "fast-check";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_DATABASE_URL, E2E_WRITE_TOKEN } from "../playwright.config";
import { arbAnyRequest, envInt, fuzzSeed, type FuzzIds, type FuzzRequest } from "../tests/fuzz/fuzz-requests";
import { FuzzTally, inspectResponse, type SeenResponse } from "../tests/fuzz/inspect-response";
import { changedTables, watchSqlite } from "../tests/fuzz/db-watch";

const REQUESTS = envInt("FUZZ_HTTP_REQUESTS", 1500);
const SEED = fuzzSeed();
/** Methods no route serves, or that Next and the guard answer themselves. */
const OTHER_METHODS = ["PUT", "HEAD", "OPTIONS", "TRACE", "PROPFIND"];
const ITEM_ROUTES: Record<string, string> = { "/api/events": "events", "/api/deployments": "deployments", "/api/aid/records": "aidRecords" };

const auth = { authorization: `Bearer ${E2E_WRITE_TOKEN}` };
const source = { publisher: "Fuzz Ministry", title: "Fuzz target", url: "https://example.org/fuzz-target" };

/** One item of each kind for the batch's PATCHes and DELETEs to name. */
async function createTargets(request: APIRequestContext): Promise<Record<string, string>> {
  const bodies: Record<string, unknown> = {
    "/api/events": {
      date: "2024-05-01",
      title: "Fuzz target",
      summary: "Target of the HTTP fuzz",
      type: "mobilisation",
      severity: 1,
      confidence: "reported",
      sources: [source],
    },
    "/api/deployments": {
      date: "2024-05-01",
      deployingCountry: "PRK",
      hostCountry: "RUS",
      location: "Fuzz",
      forceType: "troops",
      status: "reported",
      sources: [source],
    },
    "/api/aid/records": { donorCode: "DEU", date: "2024-05-01", category: "military", measure: "commitment", amount: 1, currency: "EUR", sources: [source] },
  };
  const ids: Record<string, string> = {};
  for (const [path, data] of Object.entries(bodies)) {
    const res = await request.post(path, { headers: auth, data });
    expect(res.status(), `${path}: ${await res.text()}`).toBe(201);
    ids[path] = (await res.json()).id;
  }
  return ids;
}

async function send(request: APIRequestContext, baseURL: string, r: FuzzRequest, i: number): Promise<SeenResponse> {
  // A fresh client address for each request that fails authentication, so the
  // failed-auth throttle (AUTH_FAIL_LIMIT) never blocks the token's own requests.
  const headers: Record<string, string> = { "x-forwarded-for": r.auth === "valid" ? "192.0.2.1" : `198.18.${(i >> 8) & 255}.${i & 255}` };
  if (r.auth === "valid") headers.authorization = `Bearer ${E2E_WRITE_TOKEN}`;
  else if (r.auth !== "none") headers.authorization = r.auth.header;
  if (r.origin === "same") headers.origin = new URL(baseURL).origin;
  else if (r.origin !== "none") headers.origin = r.origin;
  if (r.contentType) headers["content-type"] = r.contentType;
  const res = await request.fetch(`${baseURL}${r.path}${r.query ? `?${r.query}` : ""}`, {
    method: r.method,
    headers,
    data: r.body,
    failOnStatusCode: false,
    timeout: 30_000,
  });
  return { status: res.status(), contentType: res.headers()["content-type"] ?? "", text: r.method === "HEAD" ? "" : await res.text() };
}

test("generated requests to every route answer 2xx or 4xx, JSON, no internals; rejections change no row", async ({ request, baseURL }) => {
  test.setTimeout(120_000 + REQUESTS * 150);
  const watch = watchSqlite(E2E_DATABASE_URL);
  const created: [string, string][] = [];
  try {
    const start = watch.state();
    const targets = await createTargets(request);
    for (const [path, id] of Object.entries(targets)) created.push([path, id]);
    const events = await (await request.get("/api/events?pageSize=5")).json();
    const ids: FuzzIds = {
      events: [targets["/api/events"]],
      deployments: [targets["/api/deployments"]],
      aidRecords: [targets["/api/aid/records"]],
      sources: [...new Set<string>(events.items.flatMap((e: { sources: { id: string }[] }) => e.sources.map((s) => s.id)))].slice(0, 5),
    };
    const batch = fc.sample(
      fc
        .tuple(
          arbAnyRequest(ids, { dryRunUploads: true }),
          fc.oneof({ weight: 19, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...OTHER_METHODS) }),
        )
        .map(([r, other]) => (other ? { ...r, method: other, body: other === "HEAD" || other === "TRACE" ? undefined : r.body } : r)),
      { seed: SEED, numRuns: REQUESTS },
    );

    const tally = new FuzzTally();
    const failures: string[] = [];
    for (const [i, r] of batch.entries()) {
      const before = watch.state();
      const res = await send(request, baseURL!, r, i);
      const after = watch.state();
      const problems = inspectResponse(r, res);
      if (res.status >= 400 || r.method === "GET" || r.method === "HEAD") {
        tally.unchangedChecks++;
        const changed = changedTables(before, after);
        if (changed.length) problems.push(`a ${res.status} changed rows: ${changed.join(", ")}`);
        else if (before.dataVersion !== after.dataVersion) problems.push(`a ${res.status} committed a write`);
      }
      if (res.status === 201 && r.method === "POST" && ITEM_ROUTES[r.path]) created.push([r.path, JSON.parse(res.text).id]);
      tally.add(res.status, problems);
      if (problems.length)
        failures.push(
          `#${i} ${r.method} ${r.path}?${r.query.slice(0, 200)} → ${res.status}: ${problems.join("; ")} | body: ${(r.body ?? "").slice(0, 200)} | response: ${res.text.slice(0, 300)}`,
        );
    }
    console.log(`[fuzz-http] seed ${SEED}: ${tally}`);
    expect(failures.slice(0, 20), `${failures.length} of ${batch.length} requests failed`).toEqual([]);
    expect(tally.serverErrors).toBe(0);

    // Leave the shared database as the other specs expect it (new sources stay: no route deletes them).
    for (const [path, id] of created) {
      const res = await request.delete(`${path}/${encodeURIComponent(id)}`, { headers: { ...auth, "x-forwarded-for": "192.0.2.1" } });
      expect([204, 404], `${path}/${id}`).toContain(res.status());
    }
    created.length = 0;
    const end = watch.state();
    // What accepted writes leave by design: new sources, the audit trail of every
    // accepted write (append-only), and users and tokens created through the
    // admin routes (users are deactivated, never deleted). Rejections were
    // checked one by one above.
    expect(changedTables(start, end).filter((t) => !/^(Source|AuditEntry|User|Account|ApiToken) /.test(t))).toEqual([]);
  } finally {
    for (const [path, id] of created) await request.delete(`${path}/${encodeURIComponent(id)}`, { headers: auth }).catch(() => {});
    watch.close();
  }
});
