import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { expect, test } from "@playwright/test";
import { pngStats, readPng } from "./png-helpers";

/** `npm run brief -- …`, run the way npm runs it (tsx), with its exit code and output. */
function brief(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/brief.ts", ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (b) => (out += b));
    child.stderr.on("data", (b) => (out += b));
    child.on("close", (code) => resolve({ code: code ?? 1, out }));
  });
}

test.describe("npm run brief", () => {
  test("renders a PNG and a two-slide PDF from the running app", async ({ baseURL }, testInfo) => {
    const png = testInfo.outputPath("brief.png");
    const r1 = await brief(["--base-url", baseURL!, "--query", "donor=DEU,FRA&widgets=kpis,aid-over-time,escalation&title=Scheduled brief", "--out", png]);
    expect(r1.code, r1.out).toBe(0);
    expect(r1.out).toContain(`wrote ${png}`);
    const s = pngStats(readPng(png));
    expect([s.width, s.height]).toEqual([1920, 1080]);
    expect(s.lumaStdDev).toBeGreaterThan(25);

    const pdf = testInfo.outputPath("brief.pdf");
    const r2 = await brief(["--base-url", baseURL!, "--query", "?donor=USA", "--query", `${baseURL}/brief?widgets=escalation,deployments`, "--out", pdf]);
    expect(r2.code, r2.out).toBe(0);
    const doc = await PDFDocument.load(fs.readFileSync(pdf));
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight())])).toEqual([
      [1440, 810],
      [1440, 810],
    ]);
  });

  test("fails with a clear message and a non-zero exit when it cannot render", async ({ baseURL }, testInfo) => {
    const out = testInfo.outputPath("never.png");
    const down = await brief(["--base-url", "http://127.0.0.1:9", "--query", "", "--out", out]);
    expect(down.code).toBe(1);
    expect(down.out).toContain("No app answers at http://127.0.0.1:9");

    const bad = await brief(["--base-url", baseURL!, "--query", "donor=ZZZ", "--out", out]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('Unknown donor code "ZZZ"');
    expect(bad.out).toContain("--allow-problems");

    const usage = await brief(["--query", "", "--out", "brief.jpg"]);
    expect(usage.code).toBe(2);
    expect(usage.out).toContain("--out must end in .png or .pdf");
    expect(fs.existsSync(out)).toBe(false);
  });

  test("starts and stops its own server when no app is given", async ({}, testInfo) => {
    test.setTimeout(300_000);
    const db = path.join(os.tmpdir(), `aem-brief-cli-${process.pid}.db`);
    fs.rmSync(db, { force: true });
    const png = testInfo.outputPath("self.png");
    const r = await brief(["--query", "widgets=kpis,aid-by-donor", "--out", png, "--scale", "2"], { DATABASE_URL: `file:${db}` });
    fs.rmSync(db, { force: true });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/starting the app on http:\/\/127\.0\.0\.1:\d+/);
    expect([readPng(png).width, readPng(png).height]).toEqual([3840, 2160]);
  });
});
