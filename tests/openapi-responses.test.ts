/**
 * Real responses against the OpenAPI document: each call's JSON is parsed with
 * the zod schema behind the `$ref` the document gives for that route, method
 * and status. The schemas are strict, so an undocumented field fails too.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, componentSchema } from "@/lib/openapi/document";
import { screenApiRequest } from "@/lib/security/screen-api-request";
import { call } from "./helpers/call-route";
import { useTestApi } from "./helpers/use-test-api";
import * as meta from "@/app/api/meta/route";
import * as summary from "@/app/api/aid/summary/route";
import * as timeseries from "@/app/api/aid/timeseries/route";
import * as records from "@/app/api/aid/records/route";
import * as recordItem from "@/app/api/aid/records/[id]/route";
import * as events from "@/app/api/events/route";
import * as eventItem from "@/app/api/events/[id]/route";
import * as deployments from "@/app/api/deployments/route";
import * as deploymentItem from "@/app/api/deployments/[id]/route";
import * as escalation from "@/app/api/escalation/route";
import * as explain from "@/app/api/escalation/explain/route";
import * as weapons from "@/app/api/weapons/route";
import * as imports from "@/app/api/imports/route";
import * as aidImport from "@/app/api/imports/aid/route";
import * as openapi from "@/app/api/openapi.json/route";

const doc = buildOpenApiDocument() as any;
const api = useTestApi();

/** Parses `body` with the schema the document names for this route, method and status; returns what failed. */
function violations(route: string, method: string, status: number, body: unknown): string[] {
  const response = doc.paths[route]?.[method.toLowerCase()]?.responses?.[String(status)];
  if (!response) return [`${method} ${route} does not document status ${status}`];
  const ref = response.content?.["application/json"]?.schema?.$ref;
  const schema = typeof ref === "string" ? componentSchema(ref) : undefined;
  if (!schema) return [`${method} ${route} ${status} has no JSON schema`];
  const r = schema.safeParse(body);
  return r.success ? [] : r.error.issues.map((i) => `${method} ${route} ${status} at ${i.path.join(".")}: ${i.message}`);
}

async function expectDocumented(route: string, method: string, handler: any, url: string, init: Parameters<typeof call>[2] = {}) {
  const r = await call(handler, url, { ...init, method });
  expect(violations(route, method, r.status, r.body)).toEqual([]);
  return r;
}

describe("responses match the documented schemas", () => {
  it("reads: meta, aid, events, deployments, escalation, the document itself", async () => {
    await expectDocumented("/api/meta", "GET", meta.GET, "/api/meta");
    await expectDocumented("/api/aid/summary", "GET", summary.GET, "/api/aid/summary?currency=USD&measure=commitment");
    await expectDocumented("/api/aid/timeseries", "GET", timeseries.GET, "/api/aid/timeseries?granularity=quarter&measure=commitment");
    const page = await expectDocumented("/api/aid/records", "GET", records.GET, "/api/aid/records?pageSize=5&currency=USD&measure=commitment");
    expect(page.body.items.length).toBe(5);
    const id = page.body.items[0].id;
    await expectDocumented("/api/aid/records/{id}", "GET", recordItem.GET, `/api/aid/records/${id}`, { params: { id } });
    const ev = await expectDocumented("/api/events", "GET", events.GET, "/api/events?actor=PRK");
    expect(ev.body.items.length).toBeGreaterThan(0);
    const eventId = ev.body.items[0].id;
    await expectDocumented("/api/events/{id}", "GET", eventItem.GET, `/api/events/${eventId}`, { params: { id: eventId } });
    const dep = await expectDocumented("/api/deployments", "GET", deployments.GET, "/api/deployments?country=PRK&pageSize=3");
    const depId = dep.body.items[0].id;
    await expectDocumented("/api/deployments/{id}", "GET", deploymentItem.GET, `/api/deployments/${depId}`, { params: { id: depId } });
    await expectDocumented("/api/escalation", "GET", escalation.GET, "/api/escalation?from=2024-10-01&to=2024-11-30");
    const day = await expectDocumented("/api/escalation/explain", "GET", explain.GET, "/api/escalation/explain?date=2024-10-18");
    expect(day.body.contributions.length).toBeGreaterThan(0);
    await expectDocumented("/api/openapi.json", "GET", openapi.GET, "/api/openapi.json");
  });

  it("writes: created, changed and deleted items, and an aid CSV dry run", async () => {
    const source = { publisher: "Test", title: "Contract", url: "https://example.org/contract" };
    const created = await expectDocumented("/api/events", "POST", events.POST, "/api/events", {
      token: api.token,
      body: {
        date: "2025-01-02",
        title: "Contract",
        summary: "Contract test",
        actors: ["rus", "ukr"],
        type: "mobilisation",
        severity: 3,
        confidence: "reported",
        sources: [source],
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    await expectDocumented("/api/events/{id}", "PATCH", eventItem.PATCH, `/api/events/${id}`, { token: api.token, params: { id }, body: { actors: ["NATO"] } });
    const d = await call(eventItem.DELETE, `/api/events/${id}`, { method: "DELETE", token: api.token, params: { id } });
    expect(d.status).toBe(204);
    expect(doc.paths["/api/events/{id}"].delete.responses["204"]).toBeDefined();
    const rec = await expectDocumented("/api/aid/records", "POST", records.POST, "/api/aid/records", {
      token: api.token,
      body: {
        datasetId: "curated",
        donorCode: "deu",
        date: "2024-05-01",
        granularity: "day",
        category: "military",
        measure: "commitment",
        amount: 1e9,
        currency: "EUR",
        sources: [source],
      },
    });
    expect(rec.status).toBe(201);
    await expectDocumented("/api/deployments", "POST", deployments.POST, "/api/deployments", {
      token: api.token,
      body: { date: "2025-01-02", deployingCountry: "prk", hostCountry: "rus", location: "Kursk", forceType: "troops", status: "reported", sources: [source] },
    });

    const csv =
      "date,donor_code,category,measure,amount,currency,source_urls,source_publishers\n2024-01-10,NLD,military,allocation,5000000,EUR,https://api.example/1,Ministry\n";
    const req = new Request("http://localhost/api/imports/aid?dataset=contract-test&dryRun=true", {
      method: "POST",
      headers: { authorization: `Bearer ${api.token}`, "content-type": "text/csv" },
      body: csv,
    });
    const res = await aidImport.POST(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(violations("/api/imports/aid", "POST", 200, await res.json())).toEqual([]);
  });

  it("a Kiel release: dry run, import, then the import runs and weapons it wrote", async () => {
    const dir = path.join(process.cwd(), "data", "kiel", "r29");
    const fd = new FormData();
    for (const [field, file] of [
      ["dataExplorer", "data_explorer.csv"],
      ["weapons", "weapons.csv"],
      ["releaseInfo", "release_info.csv"],
    ]) {
      fd.append(field, new File([fs.readFileSync(path.join(dir, file))], file, { type: "text/csv" }));
    }
    const upload = async (dryRun: boolean) => {
      const body = new FormData();
      for (const [k, v] of fd.entries()) body.append(k, v);
      if (dryRun) body.append("dryRun", "true");
      const res = await imports.POST(
        new Request("http://localhost/api/imports", { method: "POST", headers: { authorization: `Bearer ${api.token}` }, body }),
        {},
      );
      expect(res.status).toBe(200);
      expect(violations("/api/imports", "POST", 200, await res.json())).toEqual([]);
    };
    await upload(true);
    await upload(false);
    const runs = await expectDocumented("/api/imports", "GET", imports.GET, "/api/imports?pageSize=5");
    expect(runs.body.total).toBe(1);
    const w = await expectDocumented("/api/weapons", "GET", weapons.GET, "/api/weapons");
    expect(w.body.items.length).toBeGreaterThan(0);
    await expectDocumented("/api/meta", "GET", meta.GET, "/api/meta");
  });

  it("errors: 400, 401, 404, 405 in the documented shape", async () => {
    await expectDocumented("/api/events", "GET", events.GET, "/api/events?actor=%");
    await expectDocumented("/api/aid/summary", "GET", summary.GET, "/api/aid/summary?from=1989-12-31");
    await expectDocumented("/api/events", "POST", events.POST, "/api/events", { body: {} });
    await expectDocumented("/api/deployments/{id}", "GET", deploymentItem.GET, "/api/deployments/nope", { params: { id: "nope" } });
    const notAllowed = screenApiRequest("PUT", "/api/events")!;
    expect(notAllowed.status).toBe(405);
    expect(violations("/api/events", "GET", 405, await notAllowed.json())).toEqual([]);
  });

  it("fails on a field the document does not list (the check can fail)", () => {
    expect(violations("/api/events/{id}", "GET", 200, { id: "x" })).not.toEqual([]);
    expect(violations("/api/meta", "GET", 418, {})).toEqual(["GET /api/meta does not document status 418"]);
  });
});
