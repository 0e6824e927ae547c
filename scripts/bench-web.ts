/**
 * `npm run bench:web [-- --visits N] [--port P] [--seconds S] [--connections C]`:
 * the web performance report of issue 16, on this machine, with ratios against
 * a static page of the same server measured in the same run (machines are noisy).
 *
 * 1. Prepares a fresh embedded database with the shipped data (migrations,
 *    seed, Kiel R29 from data/kiel/r29), builds if the build is stale, starts
 *    `next start`.
 * 2. For /, /escalation, /deployments, /brief and the static /method page:
 *    median TTFB, LCP and CLS over N visits in Debian's Chromium (fresh
 *    context each), the first-load JavaScript read from the build (gzip), and
 *    the scripts' bytes as transferred.
 * 3. 200 concurrent keep-alive readers on / for 15 s, next to /icon.svg:
 *    requests/s, p95, errors and the ratio.
 * Prints the targets PASS/FAIL; exit code 0 either way (a report, not a test).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "@/lib/chromium";
import { ensureBuild, startServer, type Server } from "./bench/server";
import { stopGroup } from "./bench/processes";
import { loadRun } from "./bench/load";
import { ms, percentile, ratio, table, verdict } from "./bench/stats";
import { firstLoadJs } from "./bench/first-load-js";
import { visit, type PageVitals } from "./bench/web-vitals";

const root = path.resolve(__dirname, "..");
const PAGES = ["/", "/escalation", "/deployments", "/brief"];
const STATIC_PAGE = "/method";
const TARGETS = { ttfbMs: 200, lcpMs: 1000, cls: 0.05, firstLoadKiB: 200, loadP95Ms: 2000, loadShare: 0.3 };

function options() {
  const { values } = parseArgs({
    options: {
      visits: { type: "string", default: "5" },
      port: { type: "string", default: "3590" },
      seconds: { type: "string", default: "15" },
      connections: { type: "string", default: "200" },
    },
  });
  const int = (name: keyof typeof values, min: number) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${values[name]}"`);
    return n;
  };
  return { visits: int("visits", 1), port: int("port", 1024), seconds: int("seconds", 1), connections: int("connections", 1) };
}

const log = (s: string) => console.error(`[bench:web] ${s}`);
const median = (xs: number[]) => percentile(xs, 50);
const kib = (b: number) => (b / 1024).toFixed(0);

async function main() {
  const o = options();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aem-bench-web-"));
  const databaseUrl = `file:${path.join(tmp, "web.db")}`;
  let server: Server | null = null;
  console.log(
    `# npm run bench:web — ${new Date().toISOString()}, ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
  try {
    log("preparing the embedded database with the shipped data");
    const prep = spawnSync(process.execPath, ["--import", "tsx", "scripts/prepare-db.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
    });
    if (prep.status !== 0) throw new Error(`prepare-db failed:\n${prep.stderr}`);
    ensureBuild(root, log);
    server = await startServer({ root, port: o.port, databaseUrl });
    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
    const rows: string[][] = [];
    const byPage = new Map<string, { ttfb: number; lcp: number; cls: number; js: number; wire: number }>();
    try {
      for (const p of [STATIC_PAGE, ...PAGES]) {
        log(`visiting ${p} ${o.visits + 1} times (the first warms the server's cache and is not counted)`);
        await visit(browser, server.base + p);
        const vs: PageVitals[] = [];
        for (let i = 0; i < o.visits; i++) vs.push(await visit(browser, server.base + p));
        const js = firstLoadJs(root, p === STATIC_PAGE ? STATIC_PAGE : p).gzipBytes;
        const m = {
          ttfb: median(vs.map((v) => v.ttfbMs)),
          lcp: median(vs.map((v) => v.lcpMs)),
          cls: Math.max(...vs.map((v) => v.cls)),
          js,
          wire: median(vs.map((v) => v.scriptBytes)),
        };
        byPage.set(p, m);
      }
    } finally {
      await browser.close();
    }
    const base = byPage.get(STATIC_PAGE)!;
    for (const [p, m] of byPage) {
      rows.push([p, ms(m.ttfb), ratio(m.ttfb, base.ttfb), ms(m.lcp), ratio(m.lcp, base.lcp), m.cls.toFixed(3), kib(m.js), ratio(m.js, base.js), kib(m.wire)]);
    }
    console.log(
      table(
        `Pages (median of ${o.visits} visits in Chromium, fresh context each; ratios against the static ${STATIC_PAGE} page)`,
        ["page", "TTFB ms", "÷ static", "LCP ms", "÷ static", "CLS (max)", "first-load JS KiB gz", "÷ static", "scripts on the wire KiB"],
        rows,
      ),
    );

    log(`load: ${o.connections} connections for ${o.seconds} s on / and on /icon.svg`);
    const page = await loadRun(server.base, "/", { connections: o.connections, seconds: o.seconds });
    const icon = await loadRun(server.base, "/icon.svg", { connections: o.connections, seconds: o.seconds });
    console.log(
      table(
        `Load (${o.connections} keep-alive connections, ${o.seconds} s each)`,
        ["path", "requests/s", "p95 ms", "errors", "non-2xx", "requests", "÷ /icon.svg"],
        [page, icon].map((r) => [r.path, r.requestsPerSec.toFixed(1), ms(r.p95Ms), r.errors, r.non2xx, r.total, ratio(r.requestsPerSec, icon.requestsPerSec)]),
      ),
    );

    const home = byPage.get("/")!;
    const targets: [string, string, boolean][] = [
      [`/ TTFB ≤ ${TARGETS.ttfbMs} ms warm`, `${ms(home.ttfb)} ms`, home.ttfb <= TARGETS.ttfbMs],
      [`/ LCP ≤ ${TARGETS.lcpMs} ms`, `${ms(home.lcp)} ms`, home.lcp <= TARGETS.lcpMs],
      [
        `CLS ≤ ${TARGETS.cls} on every page`,
        Math.max(...[...byPage.values()].map((m) => m.cls)).toFixed(3),
        [...byPage.values()].every((m) => m.cls <= TARGETS.cls),
      ],
      [`/ first-load JS ≤ ${TARGETS.firstLoadKiB} KiB gz`, `${kib(home.js)} KiB`, home.js <= TARGETS.firstLoadKiB * 1024],
      [
        "load on /: 0 errors, 0 non-2xx",
        `${page.errors} errors, ${page.non2xx} non-2xx, ${page.total} answered`,
        page.total > 0 && page.errors === 0 && page.non2xx === 0,
      ],
      [`load on /: p95 ≤ ${TARGETS.loadP95Ms} ms`, `${ms(page.p95Ms)} ms`, page.p95Ms <= TARGETS.loadP95Ms],
      [
        `load on /: ≥ ${TARGETS.loadShare * 100}% of /icon.svg's throughput`,
        ratio(page.requestsPerSec, icon.requestsPerSec),
        page.total > 0 && page.requestsPerSec >= TARGETS.loadShare * icon.requestsPerSec,
      ],
    ];
    console.log(
      table(
        "Targets (issue 16)",
        ["target", "measured", "verdict"],
        targets.map(([t, m, ok]) => [t, m, verdict(ok)]),
      ),
    );
  } finally {
    if (server) await stopGroup(server.child);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
