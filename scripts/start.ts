/**
 * `npm start`: make the database ready (migrations, curated seed, the Kiel
 * release beside the checkout on a fresh database), build once when there is
 * no production build, then serve it on PORT (default 3000).
 */
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { prepareDatabase } from "./prepare-db";
import { buildIsCurrent } from "./build-freshness";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

async function main() {
  await prepareDatabase();
  if (!buildIsCurrent(root)) {
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
