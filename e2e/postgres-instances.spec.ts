/**
 * Several app instances on one PostgreSQL database: two production servers on
 * two ports serve the same figures, and a write through one is visible through
 * the other at once (no instance serves from a stale cache).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";

const server = process.env.TEST_POSTGRES_URL;
const root = process.cwd();
const TOKEN = "e2e-pg-write-token";

function dbUrl(name: string): string {
  const u = new URL(server!);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function run(cmd: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd[0], cmd.slice(1), { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    p.stderr.on("data", (d) => (err += d));
    p.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd.join(" ")} exited ${code}: ${err}`))));
  });
}

async function waitFor(url: string) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

test.describe("two instances on one PostgreSQL database", () => {
  test.skip(!server, "needs TEST_POSTGRES_URL (npm run test:e2e starts a PostgreSQL cluster)");
  const name = `aem_e2e_${randomBytes(4).toString("hex")}`;
  const servers: ChildProcess[] = [];
  const ports: number[] = [];

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    await admin(`CREATE DATABASE "${name}"`);
    const env = { DATABASE_URL: dbUrl(name) };
    await run([process.execPath, path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/prepare-db.ts"], env);
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      ports.push(port);
      servers.push(
        spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
          cwd: root,
          detached: true,
          stdio: "ignore",
          env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1", API_TOKEN_SHA256: createHash("sha256").update(TOKEN).digest("hex") },
        }),
      );
    }
    await Promise.all(ports.map((p) => waitFor(`http://127.0.0.1:${p}/api/meta`)));
  });

  test.afterAll(async () => {
    for (const s of servers) if (s.pid) process.kill(-s.pid, "SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  test("serve the same data, and a write through one is read through the other at once", async () => {
    const [a, b] = ports.map((p) => `http://127.0.0.1:${p}`);
    const summaries = await Promise.all([a, b].map(async (base) => (await fetch(`${base}/api/aid/summary`)).json()));
    expect(summaries[0].total).toBeCloseTo(358.399501e9, -3); // Kiel R29 allocations, EUR
    expect(summaries[1]).toEqual(summaries[0]);

    const list = `/api/events?from=2026-11-29&to=2026-11-29`;
    const before = await fetch(`${b}${list}`);
    expect((await before.json()).items).toHaveLength(0);
    const etag = before.headers.get("etag")!;
    expect((await fetch(`${b}${list}`, { headers: { "if-none-match": etag } })).status).toBe(304);

    const created = await fetch(`${a}/api/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({
        date: "2026-11-29",
        title: "Written through instance A",
        summary: "Must be visible through instance B at once.",
        actors: ["RUS"],
        type: "nuclear_signalling",
        severity: 3,
        confidence: "reported",
        sources: [{ publisher: "Test", title: "Test", url: "https://example.org/two-instances" }],
      }),
    });
    expect(created.status).toBe(201);
    const after = await fetch(`${b}${list}`, { headers: { "if-none-match": etag } });
    expect(after.status).toBe(200);
    expect((await after.json()).items.map((e: { title: string }) => e.title)).toEqual(["Written through instance A"]);
  });
});
