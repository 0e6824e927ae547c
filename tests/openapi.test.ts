/**
 * The OpenAPI document against the code: every route file and exported method
 * is documented and nothing else is; every documented query parameter is read
 * by its handler; the input limits and the error responses are stated.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as openapi from "@/app/api/openapi.json/route";
import { MAX_ITEM_ID_LENGTH } from "@/lib/item-routes";
import { call } from "./helpers/call-route";
import { useTestApi } from "./helpers/use-test-api";

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const API_DIR = path.join(process.cwd(), "app", "api");

type Operation = { parameters?: Param[]; requestBody?: any; responses: Record<string, any>; security?: unknown[] };
type Param = { name: string; in: string; schema: any; description?: string };

let doc: any;
const api = useTestApi({ seed: false });
beforeAll(async () => {
  const r = await call(openapi.GET as never, "/api/openapi.json");
  expect(r.status).toBe(200);
  doc = r.body;
});

/** Every app/api/**\/route.ts as an OpenAPI path ([id] → {id}) with the methods it exports. */
async function routesInCode(): Promise<Record<string, string[]>> {
  const files = (fs.readdirSync(API_DIR, { recursive: true }) as string[]).filter((f) => path.basename(f) === "route.ts");
  const out: Record<string, string[]> = {};
  for (const file of files) {
    const mod = await import(path.join(API_DIR, file));
    const route = `/api/${path.dirname(file).split(path.sep).join("/")}`.replace(/\[([^\]]+)\]/g, "{$1}");
    out[route] = HTTP_METHODS.filter((m) => typeof mod[m] === "function").sort();
  }
  return out;
}

function operations(): { route: string; method: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([route, item]: [string, any]) =>
    Object.entries(item)
      .filter(([m]) => HTTP_METHODS.includes(m.toUpperCase()))
      .map(([method, op]) => ({ route, method: method.toUpperCase(), op: op as Operation })),
  );
}

const handlerOf = async (route: string, method: string) => {
  const dir = route.replace(/^\/api\//, "").replace(/\{([^}]+)\}/g, "[$1]");
  return (await import(path.join(API_DIR, dir, "route.ts")))[method];
};

describe("GET /api/openapi.json covers the API exactly", () => {
  it("documents every route file with exactly the methods it exports, and nothing more", async () => {
    const documented = Object.fromEntries(
      Object.entries(doc.paths).map(([route, item]: [string, any]) => [
        route,
        Object.keys(item)
          .map((m) => m.toUpperCase())
          .filter((m) => HTTP_METHODS.includes(m))
          .sort(),
      ]),
    );
    const code = await routesInCode();
    expect(Object.keys(code).length).toBeGreaterThanOrEqual(16);
    expect(documented).toEqual(code);
  });

  it("documents only query parameters the handler reads: an invalid value of each is a 400 naming it", async () => {
    const bad = "!".repeat(5001); // past every length limit, no date, number, enum or code
    let checked = 0;
    for (const { route, method, op } of operations()) {
      for (const p of (op.parameters ?? []).filter((x) => x.in === "query")) {
        const handler = await handlerOf(route, method);
        const headers: Record<string, string> = method === "GET" ? {} : { "content-type": "text/csv", authorization: `Bearer ${api.token}` };
        const req = new Request(`http://localhost${route}?${p.name}=${bad}`, { method, headers, body: method === "GET" ? undefined : "date\n" });
        const res = await handler(req, { params: Promise.resolve({}) });
        const body = await res.json();
        expect({ route, param: p.name, status: res.status }).toEqual({ route, param: p.name, status: 400 });
        expect(body.issues.map((i: { path: unknown[] }) => i.path[0])).toContain(p.name);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it("documents path ids that the item routes answer, with their length limit", async () => {
    const items = Object.keys(doc.paths).filter((r) => r.includes("{id}"));
    expect(items).toEqual(["/api/aid/records/{id}", "/api/events/{id}", "/api/deployments/{id}"]);
    for (const route of items) {
      expect(doc.paths[route].parameters[0]).toMatchObject({ name: "id", in: "path", schema: { maxLength: MAX_ITEM_ID_LENGTH } });
      const id = "x".repeat(MAX_ITEM_ID_LENGTH + 1);
      const res = await (await handlerOf(route, "GET"))(new Request(`http://localhost${route.replace("{id}", id)}`), { params: Promise.resolve({ id }) });
      expect(res.status).toBe(404);
    }
  });

  it("lists page and pageSize of GET /api/imports (they were missing)", () => {
    const params = doc.paths["/api/imports"].get.parameters;
    expect(params.map((p: Param) => p.name)).toEqual(["page", "pageSize"]);
    expect(params[1].schema).toMatchObject({ type: "integer", minimum: 1, maximum: 200 });
  });
});

describe("the input limits in the document", () => {
  const params = () => operations().flatMap(({ route, op }) => (op.parameters ?? []).map((p) => ({ route, ...p })));

  it("states the date range on every date parameter", () => {
    const dates = params().filter((p) => p.schema.format === "date");
    expect(dates.map((p) => `${p.route} ${p.name}`)).toEqual(
      expect.arrayContaining(["/api/events from", "/api/aid/summary to", "/api/escalation/explain date"]),
    );
    for (const p of dates) expect(p.description).toMatch(/1990-01-01 to 2100-12-31/);
  });

  it("shows comma lists as arrays of at most 100 items, duplicates counted once", () => {
    const lists = params().filter((p) => p.schema.type === "array");
    expect(lists.map((p) => `${p.route} ${p.name}`)).toEqual(
      expect.arrayContaining(["/api/events actor", "/api/events type", "/api/aid/summary donor", "/api/deployments country", "/api/weapons donor"]),
    );
    for (const p of lists) {
      expect(p).toMatchObject({ style: "form", explode: false, schema: { maxItems: 100 } });
      expect(p.description).toMatch(/repeated items count once; at most 100 distinct/);
    }
    const actor = lists.find((p) => p.route === "/api/events" && p.name === "actor")!;
    expect(actor.schema.items).toMatchObject({ type: "string", maxLength: 4 });
  });

  it("bounds amounts (finite, positive, at most 1e13) and every text field of a JSON body", () => {
    const body = (route: string, method: string) => doc.paths[route][method].requestBody.content["application/json"].schema;
    expect(body("/api/aid/records", "post").properties.amount).toMatchObject({ type: "number", exclusiveMinimum: 0, maximum: 1e13 });
    expect(body("/api/aid/records/{id}", "patch").properties.amount).toMatchObject({ maximum: 1e13 });
    const unbounded: string[] = [];
    const walk = (s: any, at: string) => {
      if (!s || typeof s !== "object") return;
      if (s.type === "string" && s.maxLength === undefined && !s.enum && !s.pattern && !s.format) unbounded.push(at);
      for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${at}.${k}`);
      if (s.items) walk(s.items, `${at}[]`);
      for (const alt of s.anyOf ?? []) walk(alt, at);
      if (s.type === "array" && s.maxItems === undefined) unbounded.push(`${at} (array)`);
    };
    for (const { route, method, op } of operations()) {
      const schema = op.requestBody?.content?.["application/json"]?.schema;
      if (schema) walk(schema, `${method} ${route}`);
    }
    expect(unbounded).toEqual([]);
  });

  it("states the 1 MB JSON body limit on every JSON write and the upload limits on the imports", () => {
    for (const { route, method, op } of operations()) {
      if (!op.requestBody?.content?.["application/json"]) continue;
      expect({ route, method, note: op.requestBody.description }).toMatchObject({ note: expect.stringMatching(/1048576 bytes \(1 MB\)/) });
      expect(op.responses["413"]).toBeDefined();
    }
    const kiel = JSON.stringify(doc.paths["/api/imports"].post);
    expect(kiel).toContain("at most 20 MiB");
    const aid = JSON.stringify(doc.paths["/api/imports/aid"].post);
    expect(aid).toContain("1024 MiB");
    expect(aid).toContain("64 MiB");
  });
});

describe("the responses in the document", () => {
  it("gives every JSON success response a schema of its own, never a bare object", () => {
    for (const { route, method, op } of operations()) {
      for (const [status, r] of Object.entries(op.responses).filter(([s]) => s.startsWith("2"))) {
        const schema = r.content?.["application/json"]?.schema;
        if (!schema) continue;
        expect({ route, method, status, schema }).toMatchObject({ schema: { $ref: expect.stringMatching(/^#\/components\/schemas\//) } });
        const target = doc.components.schemas[schema.$ref.split("/").pop()];
        expect(target.properties, `${method} ${route} ${status}`).toBeDefined();
      }
    }
    expect(doc.components.schemas.Event.properties.actors).toMatchObject({ type: "array", items: { type: "string" } });
  });

  it("lists the errors each operation can answer, all in the { error, code, issues } shape", () => {
    const expected = (route: string, method: string, op: Operation) => {
      const s = ["405", "500"];
      if ((op.parameters ?? []).some((p) => p.in === "query") || op.requestBody) s.push("400");
      if (method !== "GET") s.push("401", "403", "429");
      if (op.requestBody?.content?.["application/json"]) s.push("413");
      if (route.includes("{id}")) s.push("404");
      return s.sort();
    };
    for (const { route, method, op } of operations()) {
      const errors = Object.keys(op.responses).filter((s) => Number(s) >= 400);
      expect({ route, method, errors: expect.arrayContaining(expected(route, method, op)) }).toEqual({ route, method, errors });
      for (const s of errors) expect(op.responses[s].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Error" });
    }
    expect(doc.components.schemas.Error.required).toEqual(["error", "code", "issues"]);
    expect(Object.keys(doc.components.schemas.Error.properties)).toEqual(["error", "code", "issues", "requestId"]);
    expect(doc.paths["/api/events"].post.responses["429"].headers["Retry-After"]).toBeDefined();
    expect(doc.paths["/api/meta"].get.responses["405"].headers.Allow).toBeDefined();
  });
});
