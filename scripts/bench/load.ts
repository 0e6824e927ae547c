import autocannon from "autocannon";
import { percentile } from "./stats";

export interface LoadResult {
  path: string;
  requestsPerSec: number;
  p95Ms: number;
  errors: number;
  non2xx: number;
  total: number;
}

/** autocannon with keep-alive connections; p95 from every response's time (autocannon reports p97.5, not p95). */
export async function loadRun(base: string, path: string, o: { connections: number; seconds: number }): Promise<LoadResult> {
  const times: number[] = [];
  const inst = autocannon({ url: `${base}${path}`, connections: o.connections, duration: o.seconds, pipelining: 1, timeout: 30 });
  inst.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const r = await inst;
  return {
    path,
    requestsPerSec: r.requests.total / Math.max(r.duration, 1e-9),
    p95Ms: percentile(times, 95),
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    total: r.requests.total,
  };
}
