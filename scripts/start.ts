/**
 * `npm start`: make the database ready (migrations, curated seed, the Kiel
 * release beside the checkout on a fresh database), build once when there is
 * no production build, then serve it on PORT (default 3000).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { prepareDatabase } from "./prepare-db";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

const SOURCE_DIRS = ["app", "components", "lib", "docs", "prisma"];
const SOURCE_FILES = ["package.json", "next.config.js", "tsconfig.json"];

/** Newest modification time among the files a build depends on. */
function newestSourceMtime(): number {
  let newest = 0;
  const visit = (p: string) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const d of [...SOURCE_DIRS, ...SOURCE_FILES]) visit(path.join(root, d));
  return newest;
}

/** A build is reused only when it is newer than every source file (so `git pull && npm start` serves the new code). */
function buildIsCurrent(): boolean {
  const id = fs.statSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"), { throwIfNoEntry: false });
  return !!id && id.mtimeMs >= newestSourceMtime();
}

async function main() {
  await prepareDatabase();
  if (!buildIsCurrent()) {
    console.log("[start] no production build, or sources changed since the last one: running next build");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error(`next build failed with exit code ${build.status}`);
  }
  const port = process.env.PORT ?? "3000";
  const hostname = process.env.HOSTNAME_BIND ?? "0.0.0.0";
  console.log(`[start] serving on http://localhost:${port}`);
  const server = spawn(process.execPath, [nextBin, "start", "-p", port, "-H", hostname], { stdio: "inherit" });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e) => {
  console.error(`[start] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
