import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ROUTE_METHODS, allowedMethods } from "@/lib/security/api-methods";
import { screenApiRequest } from "@/lib/security/screen-api-request";

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [p] : [];
  });
}

describe("API_ROUTE_METHODS", () => {
  const files = routeFiles(path.join(process.cwd(), "app", "api"));

  it.each(files.map((f) => [path.relative(process.cwd(), f), f]))("lists %s with the methods it exports", async (_rel, file) => {
    const route = "/" + path.relative(path.join(process.cwd(), "app"), path.dirname(file)).split(path.sep).join("/");
    const mod = (await import(file)) as Record<string, unknown>;
    const exported = HTTP_METHODS.filter((m) => typeof mod[m] === "function");
    expect(API_ROUTE_METHODS[route], `add ${route} to lib/security/api-methods.ts`).toEqual(exported);
  });

  it("lets listed methods through and answers others with 405 JSON and Allow", async () => {
    expect(screenApiRequest("GET", "/api/meta")).toBeNull();
    expect(screenApiRequest("HEAD", "/api/meta")).toBeNull();
    expect(screenApiRequest("PATCH", "/api/events/evt-1")).toBeNull();
    const r = screenApiRequest("POST", "/api/meta")!;
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(await r.json()).toMatchObject({ code: "METHOD_NOT_ALLOWED" });
    expect(screenApiRequest("DELETE", "/api/events")!.status).toBe(405);
    expect(allowedMethods("/api/events/a/b")).toBeNull();
  });

  it("answers a path no API route serves with a JSON 404, not Next's HTML page", async () => {
    for (const [method, path] of [
      ["GET", "/api/"],
      ["GET", "/api/nope"],
      ["DELETE", "/api/events/a/b"],
      ["PUT", "/api"],
    ]) {
      const r = screenApiRequest(method, path)!;
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(await r.json()).toMatchObject({ code: "NOT_FOUND", issues: [] });
    }
  });
});
