import { describe, expect, it } from "vitest";
import { inspectResponse, withoutEchoes } from "./inspect-response";
import type { FuzzRequest } from "./fuzz-requests";

const req: FuzzRequest = { route: "/api/events", method: "GET", path: "/api/events", query: "", auth: "valid", origin: "none" };
const json = (status: number, body: unknown) => ({ status, contentType: "application/json", text: JSON.stringify(body) });

describe("inspectResponse", () => {
  it("passes a JSON 2xx and a JSON 4xx with the error shape", () => {
    expect(inspectResponse(req, json(200, { items: [] }))).toEqual([]);
    expect(inspectResponse(req, json(400, { error: "Invalid query parameter", issues: [] }))).toEqual([]);
  });

  it("flags a 5xx, a non-JSON body and a 4xx without the error shape", () => {
    expect(inspectResponse(req, json(500, { error: "Internal error", issues: [] }))).toContain("status 500");
    expect(inspectResponse(req, { status: 200, contentType: "text/html", text: "<html>" })).toEqual([
      'content-type "text/html" is not JSON',
      "body is not JSON",
    ]);
    expect(inspectResponse(req, json(404, { message: "no" }))).toEqual(["4xx body lacks { error, issues }"]);
  });

  it.each([
    ["stack frame", "Error: x\n    at listEvents (/work/app/lib/events/queries.ts:12:5)"],
    ["stack frame", "at async Object.handler (file:///srv/app/.next/server/chunks/1.js:3:9)"],
    ["SQL", 'SELECT "Event"."id" FROM "Event" WHERE 1'],
    ["SQL error", "SqliteError: SQLITE_CONSTRAINT_FOREIGNKEY"],
    ["SQL error", 'duplicate key value violates unique constraint "Event_pkey"'],
    ["ORM", "Invalid `prisma.event.create()` invocation"],
    ["ORM", "PrismaClientKnownRequestError P2003"],
    ["file path", "cannot open node_modules/x"],
    ["source file", "see lib/events/queries.ts"],
  ])("flags %s: %s", (kind, leak) => {
    const problems = inspectResponse(req, json(400, { error: leak, issues: [] }));
    expect(problems.some((p) => p.startsWith(`${kind} in body`))).toBe(true);
  });

  it("does not count what the request itself sent and the response echoes", () => {
    const sql = { ...req, route: "/api/events/[id]", path: "/api/events/x", id: "' UNION SELECT id FROM Event --" };
    expect(inspectResponse(sql, json(404, { error: `No event with id "${sql.id}"`, issues: [] }))).toEqual([]);
    expect(withoutEchoes('{"notes":"a/work/b"}', { ...req, body: '{"notes":"a/work/b"}' })).not.toContain("/work/");
  });
});
