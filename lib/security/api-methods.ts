/**
 * The methods each API route exports. Next answers a method a route does not
 * export with an empty 405; the proxy answers it first, with the API's JSON
 * error and an Allow header. tests/api-methods.test.ts checks this table
 * against the route files, so a new route or method cannot drift from it.
 */
export const API_ROUTE_METHODS: Record<string, readonly string[]> = {
  "/api/aid/records": ["GET", "POST"],
  "/api/aid/records/[id]": ["GET", "PATCH", "DELETE"],
  "/api/aid/summary": ["GET"],
  "/api/aid/timeseries": ["GET"],
  "/api/conflict/daily": ["GET"],
  "/api/conflict/explain": ["GET"],
  "/api/conflict/regions": ["GET"],
  "/api/admin/tokens": ["GET", "POST", "DELETE"],
  "/api/admin/users": ["GET", "POST", "PATCH"],
  "/api/audit": ["GET"],
  "/api/audit/revert": ["POST"],
  "/api/auth/session": ["GET"],
  "/api/auth/sign-in/email": ["POST"],
  "/api/auth/sign-out": ["POST"],
  "/api/deployments": ["GET", "POST"],
  "/api/deployments/[id]": ["GET", "PATCH", "DELETE"],
  "/api/drafts": ["GET"],
  "/api/drafts/decide": ["POST"],
  "/api/drafts/preview": ["POST"],
  "/api/escalation": ["GET"],
  "/api/escalation/explain": ["GET"],
  "/api/escalation/method": ["GET"],
  "/api/events": ["GET", "POST"],
  "/api/events/[id]": ["GET", "PATCH", "DELETE"],
  "/api/imports": ["GET", "POST"],
  "/api/imports/aid": ["POST"],
  "/api/imports/events": ["POST"],
  "/api/meta": ["GET"],
  "/api/openapi.json": ["GET"],
  "/api/weapons": ["GET"],
};

const compiled = Object.entries(API_ROUTE_METHODS).map(([route, methods]) => ({
  pattern: new RegExp(`^${route.replace(/\./g, "\\.").replace(/\[[^\]]+\]/g, "[^/]+")}/?$`),
  // Next answers HEAD for a GET route and OPTIONS for every route itself.
  allowed: [...methods, ...(methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"],
}));

/** The methods the route at `pathname` answers, or null when the path is not in the table. */
export function allowedMethods(pathname: string): string[] | null {
  return compiled.find((c) => c.pattern.test(pathname))?.allowed ?? null;
}
