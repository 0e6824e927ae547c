import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";
import { call } from "./helpers/call-route";
import { createWriteToken } from "./helpers/tokens";
import * as timeseries from "@/app/api/aid/timeseries/route";
import * as records from "@/app/api/aid/records/route";
import * as recordItem from "@/app/api/aid/records/[id]/route";
import * as events from "@/app/api/events/route";
import * as eventItem from "@/app/api/events/[id]/route";
import * as deployments from "@/app/api/deployments/route";
import * as deploymentItem from "@/app/api/deployments/[id]/route";
import * as escalation from "@/app/api/escalation/route";
import * as meta from "@/app/api/meta/route";
import * as importsAid from "@/app/api/imports/aid/route";
import * as importsKiel from "@/app/api/imports/route";
import { MAX_KIEL_FORM_BYTES, MAX_UPLOAD_BYTES } from "@/lib/import/kiel/import-runs";
import { MAX_FORM_UPLOAD_BYTES } from "@/lib/import/aid/read-upload";
import { resetAuthThrottle } from "@/lib/auth";
import { screenApiRequest } from "@/lib/security/screen-api-request";
import { answerRefusedMethod } from "@/lib/security/method-guard";

// A switch to make one read fail unexpectedly, to see the generic 500.
const failMeta = vi.hoisted(() => ({ on: false }));
vi.mock("@/lib/meta/queries", async (importOriginal) => {
  const mod = await importOriginal<typeof import("@/lib/meta/queries")>();
  return {
    ...mod,
    getMeta: (...args: Parameters<typeof mod.getMeta>) => {
      if (failMeta.on) throw new Error("secret detail: connection to db-host-17 refused");
      return mod.getMeta(...args);
    },
  };
});

let t: TestDatabase;
let token: string;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
  token = await createWriteToken(t.db);
});
afterAll(async () => t.cleanup());
afterEach(() => resetAuthThrottle());

const source = { publisher: "Test Ministry", title: "Test package", url: "https://example.org/package", publishedAt: "2024-05-01" };
const aidBody = { donorCode: "deu", date: "2024-05-01", category: "military", measure: "commitment", amount: 1_500_000, currency: "EUR", sources: [source] };

function expectClientError(r: { status: number; body: any }, status = 400) {
  expect(r.status).toBe(status);
  expect(typeof r.body.error).toBe("string");
  expect(Array.isArray(r.body.issues)).toBe(true);
}

describe("bad input is a 4xx, not a 500", () => {
  it.each(["to=9999-12-31", "from=1000-01-01", "from=1989-12-31", "to=2101-01-01"])("timeseries ?%s → 400", async (q) => {
    const r = await call(timeseries.GET, `/api/aid/timeseries?${q}`);
    expectClientError(r);
    expect(r.body.error).toMatch(/between 1990-01-01 and 2100-12-31/);
  });

  it("accepts the bounds themselves", async () => {
    expect((await call(timeseries.GET, "/api/aid/timeseries?from=1990-01-01&to=2100-12-31&granularity=year")).status).toBe(200);
  });

  const codes = (n: number) => Array.from({ length: n }, (_, i) => `D${String(i).padStart(3, "0")}`).join(",");
  it.each([
    ["aid donor", timeseries.GET, `/api/aid/timeseries?donor=${codes(1000)}`],
    ["records donor", records.GET, `/api/aid/records?donor=${codes(101)}`],
    ["events actor", events.GET, `/api/events?actor=${codes(1000)}`],
    [
      "deployments country",
      deployments.GET,
      `/api/deployments?country=${Array.from({ length: 1000 }, (_, i) => String.fromCharCode(65 + (i % 26), 65 + (Math.floor(i / 26) % 26), 65 + Math.floor(i / 676))).join(",")}`,
    ],
  ])("%s list over 100 items → 400", async (_label, handler, path) => {
    const r = await call(handler, path);
    expectClientError(r);
    expect(r.body.error).toMatch(/at most 100/);
  });

  it("deduplicates list items before counting them", async () => {
    const r = await call(timeseries.GET, `/api/aid/timeseries?donor=${Array(300).fill("deu,DEU").join(",")}`);
    expect(r.status).toBe(200);
  });

  it("category lists beyond the taxonomy are refused, repeats collapse", async () => {
    expect((await call(timeseries.GET, `/api/aid/timeseries?category=${Array(500).fill("military").join(",")}`)).status).toBe(200);
    expectClientError(await call(escalation.GET, "/api/escalation?to=9999-12-31"));
  });

  it.each([1.7e308, 1e13 + 1, -5, 0])("amount %s is refused", async (amount) => {
    const r = await call(records.POST, "/api/aid/records", { method: "POST", token, body: { ...aidBody, amount } });
    expectClientError(r);
  });

  it("accepts an amount of exactly 1e13", async () => {
    const r = await call(records.POST, "/api/aid/records", { method: "POST", token, body: { ...aidBody, amount: 1e13 } });
    expect(r.status).toBe(201);
  });

  it("PATCH refuses severity 0 as POST does", async () => {
    const created = await call(events.POST, "/api/events", {
      method: "POST",
      token,
      body: { date: "2024-05-01", title: "T", summary: "S", type: "nuclear_signalling", severity: 2, confidence: "confirmed", sources: [source] },
    });
    expect(created.status).toBe(201);
    const r = await call(eventItem.PATCH, `/api/events/${created.body.id}`, { method: "PATCH", token, body: { severity: 0 }, params: { id: created.body.id } });
    expectClientError(r);
    expect(r.body.error).toMatch(/severity/);
  });

  it("item routes answer 404 to ids that cannot exist (too long, control characters)", async () => {
    const long = "a".repeat(201);
    for (const [handler, path] of [
      [eventItem.GET, "/api/events"],
      [recordItem.GET, "/api/aid/records"],
      [deploymentItem.GET, "/api/deployments"],
    ] as const) {
      expectClientError(await call(handler, `${path}/${long}`, { params: { id: long } }), 404);
      expectClientError(await call(handler, `${path}/x`, { params: { id: "\uFFFD" } }), 404);
    }
  });

  it("the proxy turns undecodable paths and unknown methods into JSON 400/405/404", async () => {
    for (const path of ["/api/events/%FF", "/api/aid/records/%FF", "/api/deployments/%E0%A4%A"]) {
      const res = screenApiRequest("GET", path)!;
      expect(res.status).toBe(400);
      expect((await res.json()).issues).toHaveLength(1);
    }
    const put = screenApiRequest("PUT", "/api/meta")!;
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toContain("GET");
    expect(screenApiRequest("GET", `/api/events/${"a".repeat(3000)}`)!.status).toBe(404);
    expect(screenApiRequest("GET", "/api/events/ok%20id")).toBeNull();
  });

  it("TRACE is answered 405 JSON at the HTTP server (fetch cannot even build such a request)", () => {
    let status = 0;
    let body = "";
    const res = { writeHead: (s: number) => ((status = s), res), end: (b: string) => void (body = b) };
    expect(answerRefusedMethod({ method: "TRACE" } as never, res as never)).toBe(true);
    expect(status).toBe(405);
    expect(JSON.parse(body)).toMatchObject({ code: "METHOD_NOT_ALLOWED" });
    expect(answerRefusedMethod({ method: "GET" } as never, res as never)).toBe(false);
  });
});

describe("CSV uploads", () => {
  it("answer 400, not 500, to a CSV the parser cannot read (a quote inside an unquoted field)", async () => {
    const req = new Request("http://localhost/api/imports/aid?dataset=fuzz&dryRun=true", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
      body: 'date,donor_code,category,measure,amount,currency,source_urls,source_publishers\nQ0"z,DEU,military,allocation,1,EUR,https://example.org,X\n',
    });
    const res = await importsAid.POST(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(400);
    const body = await res.json();
    // The importer reports it as it reports any bad row: by line, with nothing written.
    expect(body).toMatchObject({ code: "BAD_REQUEST", issues: [{ path: [2, ""] }] });
    expect(JSON.stringify(body.issues)).toMatch(/not a readable CSV file/);
  });
});

describe("upload limits", () => {
  const upload = (
    route: { POST: (req: Request, ctx: { params: Promise<object> }) => Promise<Response> },
    url: string,
    body: BodyInit,
    headers: Record<string, string> = {},
  ) => route.POST(new Request(url, { method: "POST", headers: { authorization: `Bearer ${token}`, ...headers }, body }), { params: Promise.resolve({}) });

  it("answer 413 to a Kiel release form declared larger than its limit, before reading it", async () => {
    const form = new FormData();
    form.set("dataExplorer", new Blob(["x"]), "data_explorer.csv");
    const res = await upload(importsKiel, "http://localhost/api/imports", form, { "content-length": String(MAX_KIEL_FORM_BYTES + 1) });
    expect(res.status).toBe(413);
    expect((await res.json()).code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answer 413 to a Kiel release file over the per-file limit", async () => {
    const form = new FormData();
    form.set("dataExplorer", new Blob([new Uint8Array(MAX_UPLOAD_BYTES + 1)]), "data_explorer.csv");
    const res = await upload(importsKiel, "http://localhost/api/imports", form);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE", issues: [{ path: ["dataExplorer"] }] });
  });

  it("answer 413 to an aid CSV form declared larger than its limit", async () => {
    const form = new FormData();
    form.set("file", new Blob(["date\n"]), "aid.csv");
    form.set("dataset", "too-big");
    const res = await upload(importsAid, "http://localhost/api/imports/aid", form, { "content-length": String(MAX_FORM_UPLOAD_BYTES + 1) });
    expect(res.status).toBe(413);
    expect((await res.json()).code).toBe("PAYLOAD_TOO_LARGE");
  });
});

describe("JSON write bodies", () => {
  it("refuses a body over 1 MB with 413 and a clear message", async () => {
    const big = { ...aidBody, notes: "x".repeat(1024 * 1024) };
    const r = await call(records.POST, "/api/aid/records", { method: "POST", token, body: big });
    expect(r.status).toBe(413);
    expect(r.body.error).toMatch(/too large.*1 MB/i);
  });

  it("refuses over-long text fields with 400", async () => {
    expectClientError(await call(records.POST, "/api/aid/records", { method: "POST", token, body: { ...aidBody, notes: "x".repeat(2001) } }));
  });
});

describe("unexpected failures", () => {
  it("answer a generic 500 with a request id that the log carries with the real error", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    failMeta.on = true;
    try {
      const r = await call(meta.GET, "/api/meta");
      expect(r.status).toBe(500);
      expect(r.body).toMatchObject({ error: "Internal error", code: "INTERNAL" });
      expect(r.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.text).not.toContain("secret detail");
      const logged = log.mock.calls.flat().map(String).join(" ");
      expect(logged).toContain(r.body.requestId);
      expect(logged).toContain("secret detail");
    } finally {
      failMeta.on = false;
      log.mockRestore();
    }
  });
});

describe("failed authentication is throttled", () => {
  it("answers 429 with Retry-After after 10 failures, per client", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 20; i++) {
      const r = await call(events.POST, "/api/events", { method: "POST", token: `aem_wrong-${i}`, body: {} });
      statuses.push(r.status);
      if (r.status === 429) retryAfter ??= r.headers.get("retry-after");
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(10).fill(429));
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Even the right token waits out the block: a blocked client learns nothing.
    expect((await call(events.POST, "/api/events", { method: "POST", token, body: {} })).status).toBe(429);
  });

  const postFrom = (ip: string) =>
    events.POST(
      new Request("http://localhost/api/events", {
        method: "POST",
        headers: { authorization: "Bearer nope", "x-forwarded-for": `${ip}, 10.0.0.1` },
        body: "{}",
      }),
      { params: Promise.resolve({}) },
    );

  it("keys on the first X-Forwarded-For hop behind a trusted proxy (TRUST_PROXY=true)", async () => {
    process.env.TRUST_PROXY = "true";
    try {
      for (let i = 0; i < 10; i++) expect((await postFrom("203.0.113.1")).status).toBe(401);
      expect((await postFrom("203.0.113.1")).status).toBe(429);
      expect((await postFrom("203.0.113.2")).status).toBe(401);
    } finally {
      delete process.env.TRUST_PROXY;
    }
  });

  it("cannot be escaped by a new X-Forwarded-For address per attempt when no proxy is trusted", async () => {
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await postFrom(`198.51.100.${i + 1}`)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });

  it("honours AUTH_FAIL_LIMIT", async () => {
    process.env.AUTH_FAIL_LIMIT = "2";
    resetAuthThrottle();
    try {
      const s = [];
      for (let i = 0; i < 3; i++) s.push((await call(events.POST, "/api/events", { method: "POST", token: "bad", body: {} })).status);
      expect(s).toEqual([401, 401, 429]);
    } finally {
      delete process.env.AUTH_FAIL_LIMIT;
    }
  });
});

describe("writes from another site's page", () => {
  const post = (origin: string | null, host = "monitor.example") =>
    events.POST(
      new Request("http://monitor.example/api/events", {
        method: "POST",
        headers: { host, authorization: `Bearer ${token}`, "content-type": "application/json", ...(origin ? { origin } : {}) },
        body: "{}",
      }),
      { params: Promise.resolve({}) },
    );

  it("are refused with 403 when Origin names another host", async () => {
    const r = await post("https://evil.example");
    expect(r.status).toBe(403);
    expect((await r.json()).code).toBe("FORBIDDEN");
    expect((await post("null")).status).toBe(403);
  });

  it("pass the Origin check from the same host or without Origin (then fail validation: 400)", async () => {
    expect((await post("http://monitor.example")).status).toBe(400);
    expect((await post(null)).status).toBe(400);
  });

  it("leave reads alone", async () => {
    const r = await meta.GET(new Request("http://localhost/api/meta", { headers: { origin: "https://evil.example" } }), {
      params: Promise.resolve({}),
    } as never);
    expect(r.status).toBe(200);
  });
});

describe("the aid records CSV neutralises formulas", () => {
  it("writes a formula-like note and source title with a leading apostrophe", async () => {
    resetAuthThrottle();
    const evil = '=HYPERLINK("http://evil.example","x")';
    const created = await call(records.POST, "/api/aid/records", {
      method: "POST",
      token,
      body: {
        datasetId: "analyst",
        donorCode: "POL",
        date: "2025-03-01",
        category: "humanitarian",
        measure: "commitment",
        amount: 1e6,
        currency: "EUR",
        notes: evil,
        sources: [{ publisher: "Test", title: "=cmd|' /C calc'!A0", url: "https://example.org/formula" }],
      },
    });
    expect(created.status).toBe(201);
    const csv = await call(records.GET, "/api/aid/records?dataset=analyst&measure=commitment&donor=POL&format=csv");
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv.text).toContain("'=cmd¦' /C calc'!A0");
    expect(csv.text).not.toMatch(/,=/);
  });
});
