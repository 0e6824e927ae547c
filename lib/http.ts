import { randomUUID } from "node:crypto";
import { z } from "zod";
import { CsvError } from "csv-parse";
import { AppError, isAppError, type ErrorIssue } from "@/lib/errors";

/** Largest JSON write body accepted (bytes). Kiel uploads are multipart and have their own limits. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** Turns zod issues into the API's `issues` array and a message naming the fields. */
export function zodToAppError(error: z.ZodError, where: "query" | "body"): AppError {
  const issues: ErrorIssue[] = error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    message: i.message,
  }));
  // A query parameter is named by itself ("category"), a body field by its full path ("sources.0.url").
  const label = (path: (string | number)[]) => (where === "query" ? String(path[0]) : path.join("."));
  const named = issues.map((i) => `${i.path.length ? `"${label(i.path)}"` : where}: ${i.message}`).join("; ");
  const noun = where === "query" ? "query parameter" : "field";
  return new AppError("BAD_REQUEST", `Invalid ${noun} ${named}`, issues);
}

export function searchParamsToObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) if (!(k in out)) out[k] = v;
  return out;
}

export function parseQuery<S extends z.ZodType>(schema: S, url: string | URL): z.output<S> {
  const params = new URL(url).searchParams;
  const result = schema.safeParse(searchParamsToObject(params));
  if (!result.success) throw zodToAppError(result.error, "query");
  return result.data;
}

function tooLarge(): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `Request body too large: a JSON body may hold at most ${MAX_JSON_BODY_BYTES} bytes (1 MB)`);
}

/** Reads the body as text, stopping as soon as it passes `limit` bytes (Content-Length may be absent or wrong). */
export async function readBodyText(req: Request, limit = MAX_JSON_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function parseJsonBody<S extends z.ZodType>(schema: S, req: Request): Promise<z.output<S>> {
  const text = await readBodyText(req);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new AppError("BAD_REQUEST", "Request body must be valid JSON", [], { cause });
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw zodToAppError(result.error, "body");
  return result.data;
}

export function errorResponse(e: unknown): Response {
  if (isAppError(e)) {
    return Response.json({ error: e.message, code: e.code, issues: e.issues }, { status: e.status, headers: e.headers });
  }
  if (e instanceof CsvError) {
    // An upload the CSV parser cannot read is the client's mistake, whichever parser error it is; the line is all they need.
    const line = (e as { lines?: unknown }).lines;
    return errorResponse(
      new AppError("BAD_REQUEST", `The upload is not a readable CSV file (error at line ${typeof line === "number" ? line : 1})`, [
        { path: ["file"], message: "not a readable CSV file" },
      ]),
    );
  }
  const prismaCode = (e as { code?: unknown })?.code;
  if (prismaCode === "P2025") {
    return Response.json({ error: "Not found", code: "NOT_FOUND", issues: [] }, { status: 404 });
  }
  if (prismaCode === "P2002") {
    return Response.json({ error: "A record with this id already exists", code: "CONFLICT", issues: [] }, { status: 409 });
  }
  // The client gets an id to quote; the log keeps the cause under the same id.
  const requestId = randomUUID();
  console.error(`[${requestId}] Unhandled error in route handler`, e);
  return Response.json({ error: "Internal error", code: "INTERNAL", requestId, issues: [] }, { status: 500 });
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A browser names the page that sent a write in `Origin`: refuse writes sent
 * by another site's page. Requests without the header (curl, scripts, tests)
 * pass; they still need the bearer token.
 */
export function assertSameOrigin(req: Request): void {
  if (!WRITE_METHODS.has(req.method.toUpperCase())) return;
  const origin = req.headers.get("origin");
  if (origin === null) return;
  const host = req.headers.get("x-forwarded-host")?.split(",")[0].trim() || req.headers.get("host") || new URL(req.url).host;
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost === null || originHost.toLowerCase() !== host.toLowerCase()) {
    throw new AppError("FORBIDDEN", `Cross-origin write refused: Origin ${JSON.stringify(origin)} does not match this host`);
  }
}

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

/** Wraps a route handler so every thrown error becomes the API's JSON error shape. */
export function route<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    try {
      assertSameOrigin(req);
      return await handler(req, ctx);
    } catch (e) {
      return errorResponse(e);
    }
  };
}
