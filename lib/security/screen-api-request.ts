/**
 * Requests that Next.js itself would answer with a bare 500 before any route
 * code runs: methods undici refuses to build a Request for (TRACE, TRACK,
 * CONNECT) or the route does not export, and paths whose percent-encoding cannot be
 * decoded (Next decodes dynamic segments such as /api/events/%FF and throws).
 * Returns the JSON error to send instead, or null to let the request through.
 */
import { allowedMethods } from "./api-methods";

const API_METHODS = ["GET", "HEAD", "POST", "PATCH", "DELETE", "OPTIONS"];
export const MAX_API_PATH_LENGTH = 2000;

export function screenApiRequest(method: string, pathname: string): Response | null {
  const allowed = allowedMethods(pathname) ?? API_METHODS;
  if (!allowed.includes(method.toUpperCase())) {
    return Response.json(
      { error: `Method ${method} not allowed`, code: "METHOD_NOT_ALLOWED", issues: [] },
      { status: 405, headers: { allow: allowed.join(", ") } },
    );
  }
  if (pathname.length > MAX_API_PATH_LENGTH) {
    return Response.json({ error: "Not found: path too long", code: "NOT_FOUND", issues: [] }, { status: 404 });
  }
  try {
    decodeURIComponent(pathname);
  } catch {
    return Response.json(
      { error: "Malformed percent-encoding in the path", code: "BAD_REQUEST", issues: [{ path: ["path"], message: "invalid percent-encoding" }] },
      { status: 400 },
    );
  }
  return null;
}
