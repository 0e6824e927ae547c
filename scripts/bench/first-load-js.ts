import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

export interface FirstLoadJs {
  route: string;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

/**
 * The JavaScript a browser loads before a route is interactive, read from a
 * production build (no timing): the runtime's root files plus the client
 * entry chunks of the root layout and the route's page, from Next's
 * client-reference manifest. Each file is gzipped at level 9 here, as a
 * compressing server or CDN would send it.
 */
export function firstLoadJs(root: string, route: string, distDir = process.env.NEXT_DIST_DIR || ".next"): FirstLoadJs {
  const dist = path.join(root, distDir);
  const segment = route === "/" ? "page" : `${route.replace(/^\//, "")}/page`;
  const serverDir = path.join(dist, "server", "app");
  const buildManifest = JSON.parse(fs.readFileSync(path.join(serverDir, segment, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  // The client-reference manifest is a script that assigns globalThis.__RSC_MANIFEST.
  const sandbox: { self?: unknown; globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
  sandbox.self = sandbox;
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(path.join(serverDir, `${segment}_client-reference-manifest.js`), "utf8"), sandbox);
  const manifest = Object.values(sandbox.__RSC_MANIFEST ?? {})[0];
  if (!manifest) throw new Error(`no client-reference manifest for ${route} in ${dist}`);
  const pageKey = `[project]/app/${segment}`;
  const entries = manifest.entryJSFiles;
  if (!entries[pageKey]) throw new Error(`the build has no client entry for ${pageKey}`);
  const files = [...new Set([...buildManifest.rootMainFiles, ...(entries["[project]/app/layout"] ?? []), ...entries[pageKey]])];
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(dist, f));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { route, files, rawBytes, gzipBytes };
}
