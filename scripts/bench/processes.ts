import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

/** Peak resident memory (VmHWM, MB) of a process, or null when it is gone. */
export function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The process and all its descendants (from /proc). */
export function processTree(root: number): number[] {
  const parent = new Map<number, number>();
  for (const e of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parent.set(Number(e), ppid);
    } catch {
      /* gone */
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, pp] of parent) if (pp === out[i]) out.push(pid);
  return out;
}

/** The largest VmHWM among a process and its descendants. */
export function treePeakRssMb(root: number): number | null {
  const values = processTree(root)
    .map(peakRssMb)
    .filter((x): x is number => x !== null);
  return values.length ? Math.max(...values) : null;
}

export interface RunResult {
  code: number | null;
  wallMs: number;
  peakRssMb: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command in its own process group, sampling the peak RSS of its
 * process tree every 100 ms (VmHWM is a high-water mark, so sampling misses nothing
 * of a process that is still alive at the last sample).
 */
export function runMeasured(cmd: string, args: string[], env: NodeJS.ProcessEnv, onStderr?: (s: string) => void): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdout = "";
    let stderr = "";
    let peak: number | null = null;
    const sample = () => {
      const p = child.pid ? treePeakRssMb(child.pid) : null;
      if (p !== null) peak = Math.max(peak ?? 0, p);
    };
    const timer = setInterval(sample, 100);
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => {
      stderr += d;
      onStderr?.(String(d));
    });
    child.on("error", (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on("exit", (code) => {
      clearInterval(timer);
      resolve({ code, wallMs: performance.now() - t0, peakRssMb: peak, stdout, stderr });
    });
  });
}

/** Stops a process group started with `detached: true`: SIGTERM, then SIGKILL after a grace period. */
export async function stopGroup(child: ChildProcess | null, graceMs = 5000): Promise<void> {
  if (!child?.pid || child.exitCode !== null) return;
  const pid = child.pid;
  const gone = new Promise<void>((r) => child.once("exit", () => r()));
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    return;
  }
  const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), graceMs));
  if ((await Promise.race([gone, timeout])) === "timeout") {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
}
