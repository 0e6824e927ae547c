import http from "node:http";

/**
 * Node's HTTP parser accepts TRACE, but undici (the fetch `Request` that Next
 * builds for the proxy and every route) refuses it, so Next answers a bare 500
 * before any code of ours runs. This guard answers such methods with the API's
 * 405 JSON at the HTTP server, before Next sees them. (CONNECT never reaches a
 * 'request' listener; TRACK and other unknown tokens get Node's own 400.)
 */
export const METHODS_FETCH_REFUSES = new Set(["TRACE", "TRACK", "CONNECT"]);

const GUARD_HEADERS = {
  "content-type": "application/json",
  allow: "GET, HEAD, POST, PATCH, DELETE, OPTIONS",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
};

/** Writes the 405 when `req` uses a method fetch refuses; true when it did. */
export function answerRefusedMethod(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const method = (req.method ?? "").toUpperCase();
  if (!METHODS_FETCH_REFUSES.has(method)) return false;
  res.writeHead(405, GUARD_HEADERS);
  res.end(JSON.stringify({ error: `Method ${method} not allowed`, code: "METHOD_NOT_ALLOWED", issues: [] }));
  return true;
}

const marker = Symbol.for("aem.methodGuard");

/** Installs the guard on every http.Server of this process (once). */
export function installMethodGuard(): void {
  const proto = http.Server.prototype as http.Server & { [marker]?: boolean };
  if (proto[marker]) return;
  proto[marker] = true;
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request" && answerRefusedMethod(args[0] as http.IncomingMessage, args[1] as http.ServerResponse)) return true;
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}
