import { z } from "zod";
import { ZAidFilters, ZAidRecordInput, ZAidRecordPatch, ZRecordsQuery, ZTimeseriesQuery } from "@/lib/aid/schemas";
import { ZEventInput, ZEventPatch, ZEventsQuery } from "@/lib/events/schemas";
import { ZDeploymentInput, ZDeploymentPatch, ZDeploymentsQuery } from "@/lib/deployments/schemas";
import { ZEscalationQuery, ZExplainQuery } from "@/lib/escalation/schemas";
import { ZWeaponsQuery } from "@/lib/weapons/schemas";
import { ZAidUploadFields } from "@/lib/import/aid/read-upload";

/**
 * The OpenAPI 3.1 document, built from the zod schemas the route handlers parse
 * with, so the description cannot drift from what the API accepts.
 */
type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json;
  return rest;
}

/** The object shapes inside a (possibly refined or intersected) query schema. */
function shapesOf(schema: z.ZodType): Record<string, z.ZodType> {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.type === "object") return (schema as z.ZodObject).shape as Record<string, z.ZodType>;
  if (def.type === "intersection") {
    return { ...shapesOf(def.left as z.ZodType), ...shapesOf(def.right as z.ZodType) };
  }
  if (def.type === "pipe") return shapesOf(def.in as z.ZodType);
  throw new Error(`Cannot list query parameters of a ${String(def.type)} schema`);
}

function queryParams(schema: z.ZodType): Json[] {
  return Object.entries(shapesOf(schema)).map(([name, s]) => {
    const js = jsonSchema(s);
    const optional = s.safeParse(undefined).success;
    return { name, in: "query", required: !optional, schema: js, ...(js.description ? { description: js.description } : {}) };
  });
}

const errorResponse = {
  description: "Invalid input: the body names the parameter or field",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};
const unauthorized = {
  description: "Missing or invalid bearer token",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};
const ok = (description: string, mediaTypes: string[] = ["application/json"]) => ({
  description,
  content: Object.fromEntries(mediaTypes.map((m) => [m, { schema: { type: m.includes("json") ? "object" : "string" } }])),
});

function read(summary: string, schema: z.ZodType | null, description: string, media?: string[]) {
  return {
    summary,
    parameters: schema ? queryParams(schema) : [],
    responses: { 200: ok(description, media), ...(schema ? { 400: errorResponse } : {}) },
  };
}

function write(summary: string, body: z.ZodType, status: number) {
  return {
    summary,
    security: [{ bearer: [] }],
    requestBody: { required: true, content: { "application/json": { schema: jsonSchema(body) } } },
    responses: { [status]: ok("The stored item"), 400: errorResponse, 401: unauthorized },
  };
}

const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
function itemPaths(noun: string, patch: z.ZodType) {
  return {
    parameters: [idParam],
    get: { summary: `One ${noun}`, responses: { 200: ok(`The ${noun}`), 404: errorResponse } },
    patch: { ...write(`Change fields of a ${noun}`, patch, 200), responses: { 200: ok(`The ${noun}`), 400: errorResponse, 401: unauthorized, 404: errorResponse } },
    delete: { summary: `Delete a ${noun}`, security: [{ bearer: [] }], responses: { 204: { description: "Deleted" }, 401: unauthorized, 404: errorResponse } },
  };
}

export function buildOpenApiDocument(): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "Aid & Escalation Monitor API",
      version: "1.0.0",
      description:
        "Aid to Ukraine by donor and category, a dated escalation index and deployment events, each figure with its sources. Reads are public; writes need `Authorization: Bearer <token>`. Amounts are whole currency units; totals never add two datasets, two measures or two currencies.",
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Error: {
          type: "object",
          required: ["error", "issues"],
          properties: {
            error: { type: "string" },
            code: { type: "string" },
            issues: { type: "array", items: { type: "object", properties: { path: { type: "array" }, message: { type: "string" } } } },
          },
        },
      },
    },
    paths: {
      "/api/meta": { get: read("Donors, categories, datasets, coverage, data-as-of and sources", null, "Metadata") },
      "/api/aid/summary": { get: read("Totals for the filters: overall, per donor (with category split) and per category", ZAidFilters, "Summary") },
      "/api/aid/timeseries": { get: read("One row per month, quarter or year, zero-filled", ZTimeseriesQuery, "Time series") },
      "/api/aid/records": {
        get: read("The filtered records with their sources; format=csv downloads them", ZRecordsQuery, "Records page { items, total, page, pageSize }", ["application/json", "text/csv"]),
        post: write("Create an aid record (not in tracker datasets)", ZAidRecordInput, 201),
      },
      "/api/aid/records/{id}": itemPaths("aid record", ZAidRecordPatch),
      "/api/events": {
        get: read("Escalation events", ZEventsQuery, "Events page { items, total, page, pageSize }"),
        post: write("Create an event", ZEventInput, 201),
      },
      "/api/events/{id}": itemPaths("event", ZEventPatch),
      "/api/deployments": {
        get: read("Deployment events", ZDeploymentsQuery, "Deployments page { items, total, page, pageSize }"),
        post: write("Create a deployment event", ZDeploymentInput, 201),
      },
      "/api/deployments/{id}": itemPaths("deployment", ZDeploymentPatch),
      "/api/escalation": { get: read("The daily escalation index with sub-index components and event markers", ZEscalationQuery, "Series") },
      "/api/escalation/explain": { get: read("The events behind one day's value; contributions sum to the value", ZExplainQuery, "Explanation") },
      "/api/escalation/method": { get: read("How the index is computed (Markdown)", null, "Method", ["text/markdown"]) },
      "/api/imports": {
        get: read("Kiel tracker imports, newest first", null, "Import runs"),
        post: {
          summary: "Upload a Kiel release (multipart: dataExplorer, weapons?, releaseInfo?, release?, published?, dryRun?)",
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { "multipart/form-data": { schema: { type: "object" } } } },
          responses: { 200: ok("Preview or import result"), 400: errorResponse, 401: unauthorized },
        },
      },
      "/api/imports/aid": {
        post: {
          summary:
            "Import an aid CSV (the format of /api/aid/records?format=csv) into one dataset: a text/csv body with the parameters in the query, or a multipart form with `file` and the same fields. dryRun=true writes nothing.",
          security: [{ bearer: [] }],
          parameters: queryParams(ZAidUploadFields),
          requestBody: { required: true, content: { "text/csv": { schema: { type: "string" } }, "multipart/form-data": { schema: { type: "object" } } } },
          responses: { 200: ok("Preview or import result"), 400: errorResponse, 401: unauthorized },
        },
      },
      "/api/weapons": { get: read("Heavy weapons by donor and category (tracker release; counts and EUR values)", ZWeaponsQuery, "Weapons") },
      "/api/openapi.json": { get: read("This document", null, "OpenAPI 3.1") },
    },
  };
}
