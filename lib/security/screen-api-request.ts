/**
 * Requests that Next.js itself would answer with a bare 500 or an HTML page
 * before any route code runs: methods undici refuses to build a Request for
 * (TRACE, TRACK, CONNECT) or the route does not export, paths whose
 * percent-encoding cannot be decoded (Next decodes dynamic segments such as
 * /api/events/%FF and throws), and paths no API route serves (Next's HTML 404
 * page). Returns the JSON error to send instead, or null to let the request through.
 */
import { allowedMethods } from "./api-methods";

export const MAX_API_PATH_LENGTH = 2000;

export function screenApiRequest(method: string, pathname: string): Response | null {
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
  const allowed = allowedMethods(pathname);
  if (allowed === null) {
    return Response.json({ error: "Not found: no API endpoint at this path", code: "NOT_FOUND", issues: [] }, { status: 404 });
  }
  if (!allowed.includes(method.toUpperCase())) {
    return Response.json(
      { error: `Method ${method} not allowed`, code: "METHOD_NOT_ALLOWED", issues: [] },
      { status: 405, headers: { allow: allowed.join(", ") } },
    );
  }
  return null;
}
