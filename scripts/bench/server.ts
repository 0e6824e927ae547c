import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { treePeakRssMb } from "./processes";
import { buildIsCurrent } from "../build-freshness";

export function ensureBuild(root: string, log: (s: string) => void): void {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (buildIsCurrent(root, distDir)) return log(`production build in ${distDir} is current`);
  log(`no current production build in ${distDir}: running next build`);
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  // Build output goes to stderr: stdout is the report.
  const r = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: ["ignore", 2, 2] });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
}

export interface Server {
  base: string;
  child: ChildProcess;
  peakRssMb: () => number | null;
  /** The end of what the server printed (for error reports). */
  outputTail: () => string;
  exitCode: () => number | null;
}

/** `next start` on 127.0.0.1:<port> in its own process group, ready when /api/meta answers. */
export async function startServer(o: { root: string; port: number; databaseUrl: string }): Promise<Server> {
  const nextBin = path.join(o.root, "node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(o.port), "-H", "127.0.0.1"], {
    cwd: o.root,
    env: { ...process.env, DATABASE_URL: o.databaseUrl, PORT: String(o.port), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const base = `http://127.0.0.1:${o.port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output.slice(-2000)}`);
    try {
      const r = await fetch(`${base}/api/meta`);
      await r.arrayBuffer();
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer within 120 s:\n${output.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    base,
    child,
    peakRssMb: () => (child.pid ? treePeakRssMb(child.pid) : null),
    outputTail: () => output.slice(-3000),
    exitCode: () => child.exitCode ?? (child.signalCode ? -1 : null),
  };
}
