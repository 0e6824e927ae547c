import { MAX_JSON_BODY_BYTES } from "@/lib/http";
import { ERROR_STATUS } from "@/lib/errors";
import type { Json } from "./parameters";

/**
 * The error responses the document lists, each with the API's one error
 * shape (components/schemas/Error). Which apply to an operation is decided by
 * its kind in ./document.ts; what each means is said once here.
 */
export type ErrorStatus = (typeof ERROR_STATUS)[keyof typeof ERROR_STATUS];

const MEANING: Partial<Record<ErrorStatus, string>> = {
  400: "Invalid input: `issues[].path[0]` names the parameter or field, `error` says what is wrong",
  401: "Not signed in, or a missing, invalid, expired or revoked bearer token",
  403: "Cross-origin write (the request's Origin is not this host), or a role that may not do this",
  404: "No item with this id",
  405: "Method not allowed on this path (the `Allow` header lists the methods)",
  409: "Conflict: the id exists already, or an import guard refused (see `issues`)",
  413: `Body too large: a JSON body may hold at most ${MAX_JSON_BODY_BYTES} bytes (1 MB)`,
  429: "Too many failed authentications from this client: retry after `Retry-After` seconds",
  500: "Internal error: `requestId` names the cause in the server log",
};

const HEADERS: Partial<Record<ErrorStatus, Json>> = {
  405: { Allow: { schema: { type: "string" }, description: "The methods this path answers" } },
  429: { "Retry-After": { schema: { type: "integer" }, description: "Seconds until writes from this client are accepted again" } },
};

export function errorResponses(statuses: readonly ErrorStatus[], meaning: Partial<Record<ErrorStatus, string>> = {}): Record<string, Json> {
  return Object.fromEntries(
    [...statuses].sort().map((status) => [
      String(status),
      {
        description: meaning[status] ?? MEANING[status] ?? "Error",
        ...(HEADERS[status] ? { headers: HEADERS[status] } : {}),
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      },
    ]),
  );
}
