import { z } from "zod";
import { ZAidFilters, ZAidRecordInput, ZAidRecordPatch, ZRecordsQuery, ZTimeseriesQuery } from "@/lib/aid/schemas";
import { ZEventInput, ZEventPatch, ZEventsQuery } from "@/lib/events/schemas";
import { ZDeploymentInput, ZDeploymentPatch, ZDeploymentsQuery } from "@/lib/deployments/schemas";
import { ZEscalationQuery, ZExplainQuery } from "@/lib/escalation/schemas";
import { ZWeaponsQuery } from "@/lib/weapons/schemas";
import { MAX_FORM_UPLOAD_BYTES, MAX_RAW_UPLOAD_BYTES, ZAidUploadFields } from "@/lib/import/aid/read-upload";
import { KIEL_FILE_FIELDS, MAX_KIEL_FORM_BYTES, MAX_UPLOAD_BYTES, ZImportRunsQuery, ZKielUploadFields } from "@/lib/import/kiel/import-runs";
import { MAX_JSON_BODY_BYTES } from "@/lib/http";
import { MAX_ITEM_ID_LENGTH } from "@/lib/item-routes";
import { inputSchema, JSON_SCHEMA_OPTIONS, queryParams, type Json } from "./parameters";
import { errorResponses, type ErrorStatus } from "./error-responses";
import * as R from "./response-schemas";
import * as C from "./conflict-schemas";
import { ZConflictDailyQuery, ZConflictExplainQuery, ZConflictRegionsQuery } from "@/lib/conflict/schemas";
import { ZConflictUploadFields } from "@/lib/conflict/read-upload";
import * as W from "./workspace-schemas";
import { ZSignIn } from "@/lib/auth-routes";
import { ZUserCreate, ZUserRoleChange } from "@/lib/auth-users";
import { ZRevokeQuery, ZTokenCreate } from "@/lib/auth-tokens";
import { ZAuditQuery } from "@/lib/audit/queries";
import { ZDraftDecision, ZDraftsQuery, ZRevertBody } from "@/lib/drafts/schemas";

/**
 * The OpenAPI 3.1 document, built from the zod schemas the route handlers
 * parse with and the response schemas their results are checked against
 * (./response-types-check.ts, tests/openapi-responses.test.ts), so the
 * description cannot drift from what the API accepts and answers.
 */

/** Shared shapes, referenced as #/components/schemas/<id>. */
const COMPONENTS: [z.ZodType, string][] = [
  [R.ZApiError, "Error"],
  [R.ZSourceDto, "Source"],
  [R.ZDatasetDto, "Dataset"],
  [R.ZEventDto, "Event"],
  [R.ZDeploymentDto, "Deployment"],
  [R.ZAidRecordDto, "AidRecord"],
  [R.ZStoredAidRecord, "StoredAidRecord"],
  [R.ZEventsPage, "EventsPage"],
  [R.ZDeploymentsPage, "DeploymentsPage"],
  [R.ZAidSummary, "AidSummary"],
  [R.ZAidTimeseries, "AidTimeseries"],
  [R.ZAidRecordsPage, "AidRecordsPage"],
  [R.ZWeapons, "Weapons"],
  [R.ZMeta, "Meta"],
  [R.ZEscalationSeries, "EscalationSeries"],
  [R.ZEscalationExplanation, "EscalationExplanation"],
  [R.ZImportRunsPage, "ImportRunsPage"],
  [R.ZKielImportResult, "KielImportResult"],
  [R.ZAidImportResult, "AidImportResult"],
  [R.ZOpenApiDocument, "OpenApiDocument"],
  [C.ZConflictDaily, "ConflictDaily"],
  [C.ZConflictRegions, "ConflictRegions"],
  [C.ZConflictExplain, "ConflictExplain"],
  [C.ZConflictImportResult, "ConflictImportResult"],
  [W.ZSessionDto, "Session"],
  [W.ZDraftDto, "Draft"],
  [W.ZDraftList, "DraftList"],
  [W.ZEventEffect, "EventEffect"],
  [W.ZAuditPage, "AuditPage"],
  [W.ZRevertResult, "RevertResult"],
  [W.ZUserDto, "User"],
  [W.ZUserList, "UserList"],
  [W.ZApiTokenList, "ApiTokenList"],
  [W.ZApiTokenDto, "ApiToken"],
  [W.ZCreatedToken, "CreatedApiToken"],
];

function componentSchemas(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of COMPONENTS) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { ...JSON_SCHEMA_OPTIONS, io: "output", uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, s]) => {
      const { $schema: _s, $id: _i, ...rest } = s as Json;
      return [id, rest];
    }),
  );
}

const idOf = new Map(COMPONENTS.map(([schema, id]) => [schema, id]));
const schemaOf = new Map(COMPONENTS.map(([schema, id]) => [`#/components/schemas/${id}`, schema]));

/** The zod schema behind a `$ref` of the document: tests parse real responses with what the document promises. */
export function componentSchema(ref: string): z.ZodType | undefined {
  return schemaOf.get(ref);
}
function ref(schema: z.ZodType): Json {
  const id = idOf.get(schema);
  if (!id) throw new Error("A response schema must be listed in COMPONENTS");
  return { $ref: `#/components/schemas/${id}` };
}

const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema: ref(schema) } } });

/** Every operation may meet these: a method the path does not answer (405) and an unexpected failure (500). */
const ALWAYS: ErrorStatus[] = [405, 500];
/** A write meets authentication (401, 429), the same-origin check (403) and input validation (400). */
const WRITE: ErrorStatus[] = [...ALWAYS, 400, 401, 403, 429];
const bearer = [{ bearer: [] }, { session: [] }];

function read(summary: string, query: z.ZodType | null, ok: Json, extra: ErrorStatus[] = []) {
  return {
    summary,
    parameters: query ? queryParams(query) : [],
    responses: { 200: ok, ...errorResponses([...ALWAYS, ...(query ? [400 as const] : []), ...extra]) },
  };
}

const JSON_BODY_NOTE = `JSON, at most ${MAX_JSON_BODY_BYTES} bytes (1 MB); a larger body is refused with 413.`;
function jsonWrite(summary: string, body: z.ZodType, status: number, ok: Json, extra: ErrorStatus[] = []) {
  return {
    summary,
    security: bearer,
    requestBody: { required: true, description: JSON_BODY_NOTE, content: { "application/json": { schema: inputSchema(body) } } },
    responses: { [status]: ok, ...errorResponses([...WRITE, 413, ...extra]) },
  };
}

const idParam = {
  name: "id",
  in: "path",
  required: true,
  schema: { type: "string", minLength: 1, maxLength: MAX_ITEM_ID_LENGTH },
  description: `An item id; one longer than ${MAX_ITEM_ID_LENGTH} characters or with control characters names nothing (404)`,
};
function itemPaths(noun: string, patch: z.ZodType, item: z.ZodType) {
  return {
    parameters: [idParam],
    get: { summary: `One ${noun}`, responses: { 200: json(item, `The ${noun}`), ...errorResponses([...ALWAYS, 404]) } },
    patch: jsonWrite(`Change fields of a ${noun}`, patch, 200, json(item, `The ${noun} as stored`), [404]),
    delete: {
      summary: `Delete a ${noun}`,
      security: bearer,
      responses: { 204: { description: "Deleted" }, ...errorResponses([...ALWAYS, 401, 403, 404, 429]) },
    },
  };
}

const MiB = (bytes: number) => `${bytes / 1024 / 1024} MiB`;
const uploadRefused = (limits: string): Partial<Record<ErrorStatus, string>> => ({
  400: "Invalid fields or file (problems by line and column in `issues`)",
  413: `Upload too large: ${limits}`,
});

function kielUpload() {
  const fields = inputSchema(ZKielUploadFields) as { properties: Json; required?: string[] };
  const file = { type: "string", contentMediaType: "text/csv", description: `A CSV file, at most ${MiB(MAX_UPLOAD_BYTES)}` };
  return {
    summary: "Upload a Kiel release; dryRun=true returns the preview and writes nothing",
    security: bearer,
    requestBody: {
      required: true,
      content: {
        "multipart/form-data": {
          schema: {
            type: "object",
            properties: { ...Object.fromEntries(KIEL_FILE_FIELDS.map((f) => [f, file])), ...fields.properties },
            required: ["dataExplorer"],
            additionalProperties: false,
          },
        },
      },
    },
    responses: {
      200: json(R.ZKielImportResult, "Preview or import result"),
      ...errorResponses([...WRITE, 409, 413], uploadRefused(`${MiB(MAX_UPLOAD_BYTES)} per file, ${MiB(MAX_KIEL_FORM_BYTES)} for the whole form`)),
    },
  };
}

function aidUpload() {
  const fields = inputSchema(ZAidUploadFields) as { properties: Json; required?: string[] };
  return {
    summary:
      "Import an aid CSV (the format of /api/aid/records?format=csv) into one dataset: a text/csv body with the parameters in the query, or a multipart form with `file` and the same fields. dryRun=true writes nothing.",
    security: bearer,
    parameters: queryParams(ZAidUploadFields).map((p) => ({
      ...p,
      required: false,
      description: "With a text/csv body (a form carries it as a field instead)",
    })),
    requestBody: {
      required: true,
      content: {
        "text/csv": { schema: { type: "string", description: `The CSV, streamed to disk: at most ${MiB(MAX_RAW_UPLOAD_BYTES)}` } },
        "multipart/form-data": {
          schema: {
            type: "object",
            properties: {
              file: { type: "string", contentMediaType: "text/csv", description: `The CSV; the whole form at most ${MiB(MAX_FORM_UPLOAD_BYTES)}` },
              ...fields.properties,
            },
            required: ["file", ...(fields.required ?? [])],
            additionalProperties: false,
          },
        },
      },
    },
    responses: {
      200: json(R.ZAidImportResult, "Preview or import result"),
      ...errorResponses([...WRITE, 409, 413], uploadRefused(`${MiB(MAX_RAW_UPLOAD_BYTES)} as a text/csv body, ${MiB(MAX_FORM_UPLOAD_BYTES)} as a form`)),
    },
  };
}

function conflictUpload() {
  const fields = inputSchema(ZConflictUploadFields) as { properties: Json; required?: string[] };
  return {
    summary:
      "Import an ACLED export CSV or a UCDP GED CSV (format=acled|ucdp): a text/csv body with the parameters in the query, or a multipart form with `file` and the same fields. All or nothing; a newer export replaces the events it covers; dryRun=true writes nothing.",
    security: bearer,
    parameters: queryParams(ZConflictUploadFields).map((p) => ({
      ...p,
      required: false,
      description: "With a text/csv body (a form carries it as a field instead)",
    })),
    requestBody: {
      required: true,
      content: {
        "text/csv": { schema: { type: "string", description: `The CSV, streamed to disk: at most ${MiB(MAX_RAW_UPLOAD_BYTES)}` } },
        "multipart/form-data": {
          schema: {
            type: "object",
            properties: {
              file: { type: "string", contentMediaType: "text/csv", description: `The CSV; the whole form at most ${MiB(MAX_FORM_UPLOAD_BYTES)}` },
              ...fields.properties,
            },
            required: ["file", ...(fields.required ?? [])],
            additionalProperties: false,
          },
        },
      },
    },
    responses: {
      200: json(C.ZConflictImportResult, "Preview or import result"),
      ...errorResponses([...WRITE, 413], uploadRefused(`${MiB(MAX_RAW_UPLOAD_BYTES)} as a text/csv body, ${MiB(MAX_FORM_UPLOAD_BYTES)} as a form`)),
    },
  };
}

export function buildOpenApiDocument(): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "Aid & Escalation Monitor API",
      version: "1.0.0",
      description:
        "Aid to Ukraine by donor and category, a dated escalation index and deployment events, each figure with its sources. Reads are public; writes need a session cookie or `Authorization: Bearer <token>` and a role that allows them (viewer < editor < reviewer < admin): editors' event writes become drafts (202) that a reviewer publishes. Amounts are whole currency units; totals never add two datasets, two measures or two currencies. Every error is `{ error, code, issues }` (plus `requestId` on 500).",
    },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A script token (npm run token:create, or /admin): acts with its role, at most its owner's" },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "better-auth.session_token",
          description: "The browser session set by POST /api/auth/sign-in/email (prefixed __Secure- over HTTPS)",
        },
      },
      schemas: componentSchemas(),
    },
    paths: {
      "/api/meta": { get: read("Donors, categories, datasets, coverage, data-as-of and sources", null, json(R.ZMeta, "Metadata")) },
      "/api/aid/summary": {
        get: read("Totals for the filters: overall, per donor (with category split) and per category", ZAidFilters, json(R.ZAidSummary, "Summary")),
      },
      "/api/aid/timeseries": {
        get: read(
          "One row per month, quarter or year, zero-filled; by=donor adds each period's amount per donor and the donors' totals",
          ZTimeseriesQuery,
          json(R.ZAidTimeseries, "Time series"),
        ),
      },
      "/api/aid/records": {
        get: read("The filtered records with their sources; format=csv downloads them", ZRecordsQuery, {
          description: "A page of records (JSON), or the records as CSV with source columns",
          content: { "application/json": { schema: ref(R.ZAidRecordsPage) }, "text/csv": { schema: { type: "string" } } },
        }),
        post: jsonWrite("Create an aid record (not in tracker datasets)", ZAidRecordInput, 201, json(R.ZStoredAidRecord, "The stored record"), [409]),
      },
      "/api/aid/records/{id}": itemPaths("aid record", ZAidRecordPatch, R.ZStoredAidRecord),
      "/api/events": {
        get: read("Escalation events; `actor` matches exact codes", ZEventsQuery, json(R.ZEventsPage, "A page of events")),
        post: {
          ...jsonWrite(
            "Create an event (admins); editors and reviewers leave a draft for review (202)",
            ZEventInput,
            201,
            json(R.ZEventDto, "The stored event"),
            [409],
          ),
          responses: {
            ...jsonWrite("", ZEventInput, 201, json(R.ZEventDto, "The stored event"), [409]).responses,
            202: json(W.ZDraftDto, "A draft for review: public reads do not show it until a reviewer publishes it"),
          },
        },
      },
      "/api/events/{id}": itemPaths("event", ZEventPatch, R.ZEventDto),
      "/api/deployments": {
        get: read("Deployment events", ZDeploymentsQuery, json(R.ZDeploymentsPage, "A page of deployments")),
        post: jsonWrite("Create a deployment event", ZDeploymentInput, 201, json(R.ZDeploymentDto, "The stored deployment"), [409]),
      },
      "/api/deployments/{id}": itemPaths("deployment", ZDeploymentPatch, R.ZDeploymentDto),
      "/api/escalation": {
        get: read("The daily escalation index with sub-index components and event markers", ZEscalationQuery, json(R.ZEscalationSeries, "Series")),
      },
      "/api/escalation/explain": {
        get: read("The events behind one day's value; contributions sum to the value", ZExplainQuery, json(R.ZEscalationExplanation, "Explanation")),
      },
      "/api/escalation/method": {
        get: read("How the index is computed (Markdown)", null, { description: "Method", content: { "text/markdown": { schema: { type: "string" } } } }),
      },
      "/api/imports": {
        get: read("Kiel tracker imports, newest first", ZImportRunsQuery, json(R.ZImportRunsPage, "A page of import runs")),
        post: kielUpload(),
      },
      "/api/imports/aid": { post: aidUpload() },
      "/api/imports/events": { post: conflictUpload() },
      "/api/conflict/daily": {
        get: read(
          "Daily conflict events and fatalities (imported ACLED or UCDP GED data, summed in the database) with the kinetic series, citation, licence and the count of imprecise dates",
          ZConflictDailyQuery,
          json(C.ZConflictDaily, "Daily series"),
        ),
      },
      "/api/conflict/regions": {
        get: read("Events and fatalities by admin-1 region (oblast) for a date range", ZConflictRegionsQuery, json(C.ZConflictRegions, "Regions")),
      },
      "/api/conflict/explain": {
        get: read(
          "The largest events of one day (by reported fatalities) with their source notes",
          ZConflictExplainQuery,
          json(C.ZConflictExplain, "Events of the day"),
        ),
      },
      "/api/weapons": {
        get: read("Heavy weapons by donor and category (tracker release; counts and EUR values)", ZWeaponsQuery, json(R.ZWeapons, "Weapons")),
      },
      "/api/openapi.json": { get: read("This document", null, json(R.ZOpenApiDocument, "OpenAPI 3.1")) },
      "/api/auth/sign-in/email": {
        post: {
          ...jsonWrite(
            "Sign in: sets the HTTP-only, SameSite=Lax session cookie (Secure over HTTPS); failures are throttled",
            ZSignIn,
            200,
            json(W.ZSessionDto, "Who is now signed in"),
          ),
          security: [],
        },
      },
      "/api/auth/sign-out": {
        post: {
          summary: "Sign out: ends the session and clears its cookie",
          security: [{ session: [] }],
          responses: { 200: json(W.ZSessionDto, "Nobody is signed in"), ...errorResponses([...ALWAYS, 400, 401, 403, 429]) },
        },
      },
      "/api/auth/session": { get: read("Who the session cookie belongs to (user null when nobody)", null, json(W.ZSessionDto, "The session")) },
      "/api/drafts": {
        get: {
          ...read(
            "Drafts (pending by default) with their field-by-field changes: editors, reviewers, admins",
            ZDraftsQuery,
            json(W.ZDraftList, "Drafts"),
            [401, 403],
          ),
          security: bearer,
        },
      },
      "/api/drafts/decide": {
        post: jsonWrite(
          "Publish a draft (it reaches the public views) or reject it with a reason: reviewers, admins",
          ZDraftDecision,
          200,
          json(W.ZDraftDto, "The decided draft"),
          [404, 409],
        ),
      },
      "/api/drafts/preview": {
        post: jsonWrite(
          "What an event would add to the index on its date and 30 days later (nothing is stored): editors and up",
          ZEventInput,
          200,
          json(W.ZEventEffect, "The effect"),
        ),
      },
      "/api/audit": {
        get: {
          ...read("The audit trail, newest first: reviewers, admins", ZAuditQuery, json(W.ZAuditPage, "A page of changes"), [401, 403]),
          security: bearer,
        },
      },
      "/api/audit/revert": {
        post: jsonWrite(
          "Undo one audited change of an event (itself audited as revert): reviewers, admins",
          ZRevertBody,
          201,
          json(W.ZRevertResult, "The revert's audit entry"),
          [404, 409],
        ),
      },
      "/api/admin/users": {
        get: { ...read("Users: admins", null, json(W.ZUserList, "Users"), [401, 403]), security: bearer },
        post: jsonWrite("Create a user (there is no public sign-up): admins", ZUserCreate, 201, json(W.ZUserDto, "The user"), [409]),
        patch: jsonWrite("Change a user's role: admins", ZUserRoleChange, 200, json(W.ZUserDto, "The user"), [404]),
      },
      "/api/admin/tokens": {
        get: { ...read("Script tokens (never the tokens themselves): admins", null, json(W.ZApiTokenList, "Tokens"), [401, 403]), security: bearer },
        post: jsonWrite(
          "Create a script token with a role (at most its owner's) and an optional last day: admins",
          ZTokenCreate,
          201,
          json(W.ZCreatedToken, "The token, shown once"),
        ),
        delete: {
          summary: "Revoke a token (?id=): admins",
          security: bearer,
          parameters: queryParams(ZRevokeQuery),
          responses: { 200: json(W.ZApiTokenDto, "The revoked token"), ...errorResponses([...ALWAYS, 400, 401, 403, 404, 429]) },
        },
      },
    },
  };
}
