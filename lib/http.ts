import { z } from "zod";
import { AppError, isAppError, type ErrorIssue } from "@/lib/errors";

/** Turns zod issues into the API's `issues` array and a message naming the fields. */
export function zodToAppError(error: z.ZodError, where: "query" | "body"): AppError {
  const issues: ErrorIssue[] = error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    message: i.message,
  }));
  // A query parameter is named by itself ("category"), a body field by its full path ("sources.0.url").
  const label = (path: (string | number)[]) =>
    where === "query" ? String(path[0]) : path.join(".");
  const named = issues
    .map((i) => `${i.path.length ? `"${label(i.path)}"` : where}: ${i.message}`)
    .join("; ");
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

export async function parseJsonBody<S extends z.ZodType>(schema: S, req: Request): Promise<z.output<S>> {
  let raw: unknown;
  try {
    raw = await req.json();
  } catch (cause) {
    throw new AppError("BAD_REQUEST", "Request body must be valid JSON", [], { cause });
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw zodToAppError(result.error, "body");
  return result.data;
}

export function errorResponse(e: unknown): Response {
  if (isAppError(e)) {
    return Response.json({ error: e.message, code: e.code, issues: e.issues }, { status: e.status });
  }
  const prismaCode = (e as { code?: unknown })?.code;
  if (prismaCode === "P2025") {
    return Response.json({ error: "Not found", code: "NOT_FOUND", issues: [] }, { status: 404 });
  }
  if (prismaCode === "P2002") {
    return Response.json({ error: "A record with this id already exists", code: "CONFLICT", issues: [] }, { status: 409 });
  }
  console.error("Unhandled error in route handler", e);
  const message = e instanceof Error ? e.message : String(e);
  return Response.json({ error: `Internal error: ${message}`, code: "INTERNAL", issues: [] }, { status: 500 });
}

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

/** Wraps a route handler so every thrown error becomes the API's JSON error shape. */
export function route<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    try {
      return await handler(req, ctx);
    } catch (e) {
      return errorResponse(e);
    }
  };
}
