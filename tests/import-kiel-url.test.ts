/**
 * `npm run import:kiel -- --url …` and `--check` against a local HTTP server
 * serving a release folder: success, newer / not newer, and every failure
 * (404, HTML, timeout, refused connection) leaving the database byte-for-byte
 * unchanged.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";

const RELEASE = path.resolve(process.cwd(), "../shared/data/kiel-ust-r29");
for (const f of ["data_explorer.csv", "weapons.csv", "release_info.csv"]) {
  if (!fs.existsSync(path.join(RELEASE, f))) throw new Error(`Kiel reference release missing: ${path.join(RELEASE, f)}`);
}
const read = (f: string) => fs.readFileSync(path.join(RELEASE, f), "utf8");
const R30_INFO = `"release","period","date","label"\n"30","06/2026","2026-10-06","Ukraine Support Tracker, Release 30 (06/2026)"\n`;

/** Folders the server serves: /r29/ (the reference release), /r30/ (R29's data, newer release_info.csv), and broken ones. */
const routes: Record<string, (res: http.ServerResponse) => void> = {};
const csv = (body: string) => (res: http.ServerResponse) => {
  res.writeHead(200, { "content-type": "text/csv; charset=utf-8" });
  res.end(body);
};
for (const f of ["release_info.csv", "data_explorer.csv", "weapons.csv"]) {
  routes[`/r29/${f}`] = csv(read(f));
  routes[`/r30/${f}`] = csv(f === "release_info.csv" ? R30_INFO : read(f));
  routes[`/html/${f}`] = (res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!DOCTYPE html><html><body><h1>Ukraine Support Tracker</h1></body></html>");
  };
  // Answers the headers, then never finishes the body.
  routes[`/slow/${f}`] = (res) => {
    res.writeHead(200, { "content-type": "text/csv" });
    res.write('"release","period"\n');
  };
}
routes["/missing-weapons/release_info.csv"] = csv(read("release_info.csv"));
routes["/missing-weapons/data_explorer.csv"] = csv(read("data_explorer.csv"));
routes["/broken/release_info.csv"] = (res) => {
  res.writeHead(500, "Internal Server Error");
  res.end("boom");
};

let server: http.Server;
let base: string;
const open = new Set<http.ServerResponse>();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-kiel-url-"));
const url = `file:${path.join(dir, "url.db")}`;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    open.add(res);
    res.on("close", () => open.delete(res));
    const route = routes[req.url ?? ""];
    if (route) return route(res);
    res.writeHead(404, "Not Found", { "content-type": "text/plain" });
    res.end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of open) res.destroy();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsx, "scripts/import-kiel.ts", ...args],
      { cwd: process.cwd(), env: { ...process.env, KIEL_RELEASE_URL: "", DATABASE_URL: url, INIT_CWD: process.cwd(), ...env } },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
const dbHash = () =>
  createHash("sha256")
    .update(fs.readFileSync(path.join(dir, "url.db")))
    .digest("hex");

describe("npm run import:kiel -- --url / --check", () => {
  it("--check on an empty database reports the published release as newer, and creates no database", async () => {
    const r = await cli(["--check", "--url", `${base}/r29/`]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^The database holds no Kiel release; published: Ukraine Support Tracker, Release 29/);
    expect(fs.existsSync(path.join(dir, "url.db"))).toBe(false);
  }, 60_000);

  it("downloads, previews and imports a release folder", async () => {
    const r = await cli(["--url", `${base}/r29`]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/downloaded release_info\.csv, data_explorer\.csv, weapons\.csv/);
    expect(r.stdout).toMatch(/Dry run: nothing written\. A real import would replace the release\./);
    expect(r.stdout).toMatch(/Imported 2,265 records/);
    const db = createDb(url);
    try {
      expect(await db.aidRecord.count({ where: { datasetId: "kiel-ust" } })).toBe(2265);
      expect(await db.dataset.findUnique({ where: { id: "kiel-ust" } })).toMatchObject({ name: "Ukraine Support Tracker, Release 29 (04/2026)" });
    } finally {
      await db.$disconnect();
    }
  }, 60_000);

  it("--check says when no newer release is published, and when one is (KIEL_RELEASE_URL as the default)", async () => {
    const before = dbHash();
    const same = await cli(["--check"], { KIEL_RELEASE_URL: `${base}/r29/` });
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/^No newer release: the database holds Ukraine Support Tracker, Release 29 \(04\/2026\), published 2026-08-04/);
    const newer = await cli(["--check", "--url", `${base}/r30/`]);
    expect(newer.code).toBe(0);
    expect(newer.stdout).toMatch(
      /^A newer release is published: Ukraine Support Tracker, Release 30 \(06\/2026\) \(release 30, data to 06\/2026, published 2026-10-06\)/,
    );
    expect(dbHash()).toBe(before);
  }, 60_000);

  const failures: [string, string[], RegExp][] = [
    ["a missing file (404)", ["--url", "/missing-weapons/"], /weapons\.csv: HTTP 404 Not Found/],
    ["a server error (500) on --check", ["--check", "--url", "/broken/"], /release_info\.csv: HTTP 500 Internal Server Error/],
    ["an HTML page instead of CSV", ["--url", "/html/"], /release_info\.csv: the server returned an HTML page, not a CSV file/],
    ["a timeout", ["--url", "/slow/", "--timeout", "1"], /release_info\.csv: no complete answer within 1 s \(timed out\)/],
  ];
  for (const [name, args, message] of failures) {
    it(`fails on ${name} with one clear line, changing nothing`, async () => {
      const before = dbHash();
      const r = await cli(args.map((a) => (a.startsWith("/") ? `${base}${a}` : a)));
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^import:kiel: download failed; nothing was changed\. http:\/\/127\.0\.0\.1:\d+\//);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).not.toMatch(/Imported/);
      expect(dbHash()).toBe(before);
    }, 60_000);
  }

  it("fails clearly when nothing listens at the address", async () => {
    const before = dbHash();
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const r = await cli(["--url", `http://127.0.0.1:${port}/r29/`]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^import:kiel: download failed; nothing was changed\. .*could not download \(the connection was refused\)$/);
    expect(dbHash()).toBe(before);
  }, 60_000);

  it("refuses a download the guards refuse, after showing the change", async () => {
    const before = dbHash();
    const older = `"release","period","date","label"\n"28","01/2026","2026-04-15","Ukraine Support Tracker, Release 28 (01/2026)"\n`;
    for (const f of ["data_explorer.csv", "weapons.csv"]) routes[`/r28/${f}`] = csv(read(f));
    routes["/r28/release_info.csv"] = csv(older);
    const r = await cli(["--url", `${base}/r28/`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Would be refused: This import has data only to Jan 2026/);
    expect(r.stderr).toMatch(/^import:kiel: Refused; nothing was written\..*--allow-older\.\n$/);
    expect(dbHash()).toBe(before);
  }, 60_000);

  it("exits 2 without a URL", async () => {
    const r = await cli(["--check"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no release URL: give one after --url, or set KIEL_RELEASE_URL/);
  }, 60_000);
});
