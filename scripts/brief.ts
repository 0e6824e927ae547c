/**
 * `npm run brief -- --query "<url query string>" --out <file.png|file.pdf>`:
 * renders the briefing slide in headless Chromium (the one the browser tests
 * use) from a running app (--base-url) or a server it starts and stops itself.
 * See BRIEF_USAGE for the options. Exit 0 written, 1 could not render, 2 usage.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { CHROMIUM_ARGS, chromiumExecutable } from "@/lib/chromium";
import { BRIEF_USAGE, outputPath, parseBriefCliArgs, UsageError, type BriefCliOptions } from "@/lib/export/brief-cli-args";
import { SLIDE_SIZE } from "@/lib/export/sizes";

class BriefError extends Error {}

const log = (msg: string) => console.log(`[brief] ${msg}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function isUp(baseUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${baseUrl}/api/meta`, { signal: AbortSignal.timeout(5000) });
    return res.ok;
  } catch {
    return false;
  }
}

interface OwnServer {
  baseUrl: string;
  stop: () => void;
}

/** `npm start` (scripts/start.ts) on a free port, in its own process group so it can be stopped whole. */
async function startServer(timeoutMs: number): Promise<OwnServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const tsxCli = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  const start = path.join(process.cwd(), "scripts", "start.ts");
  if (!fs.existsSync(tsxCli) || !fs.existsSync(start)) {
    throw new BriefError(`Cannot start the app from ${process.cwd()}: run this command from the project folder (after npm ci), or pass --base-url.`);
  }
  log(`no --base-url: starting the app on ${baseUrl} (a first run builds it, which takes a while)`);
  const tail: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [tsxCli, start], {
    env: { ...process.env, PORT: String(port), HOSTNAME_BIND: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const keep = (b: Buffer) => {
    tail.push(...b.toString().split("\n").filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 30));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exited: number | null = null;
  child.on("exit", (code) => (exited = code ?? 1));
  const stop = () => {
    if (exited !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + Math.max(timeoutMs, 240_000);
  while (Date.now() < deadline) {
    if (exited !== null) throw new BriefError(`The app exited (code ${exited}) before it served:\n${tail.join("\n")}`);
    if (await isUp(baseUrl)) return { baseUrl, stop };
    await new Promise((r) => setTimeout(r, 1000));
  }
  stop();
  throw new BriefError(`The app did not answer on ${baseUrl} in time:\n${tail.join("\n")}`);
}

/** Loads one slide and waits until every figure is drawn; fails with the page's own reason when it cannot. */
async function openSlide(page: Page, url: string, opts: BriefCliOptions): Promise<void> {
  const res = await page.goto(url, { waitUntil: "domcontentloaded", timeout: opts.timeoutMs }).catch((e: Error) => {
    throw new BriefError(`Could not open ${url}: ${e.message.split("\n")[0]}`);
  });
  if (!res || !res.ok()) throw new BriefError(`${url} answered ${res?.status() ?? "nothing"}${res ? ` ${res.statusText()}` : ""}.`);
  const slide = page.getByTestId("brief-slide");
  try {
    await page.waitForSelector("[data-testid='brief-slide'][data-state='ready'], [data-testid='brief-slide'][data-state='error']", {
      timeout: opts.timeoutMs,
    });
  } catch {
    throw new BriefError(`The slide at ${url} did not finish drawing within ${opts.timeoutMs / 1000} s.`);
  }
  if ((await slide.getAttribute("data-state")) === "error") {
    throw new BriefError(`The slide at ${url} could not load its data: ${(await slide.getAttribute("data-error")) ?? "unknown error"}`);
  }
  const problems = page.getByTestId("brief-problems");
  if (!opts.allowProblems && (await problems.count())) {
    const items = await problems.locator("li").allInnerTexts();
    throw new BriefError(`The link has parameters the app could not use (pass --allow-problems to render anyway):\n  - ${items.join("\n  - ")}`);
  }
  // The print stylesheet shows the slide alone, unscaled, at the top left: the same layout as the PDF.
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

async function render(browser: Browser, baseUrl: string, opts: BriefCliOptions): Promise<string[]> {
  const written: string[] = [];
  const pdfs: Uint8Array[] = [];
  for (const [i, qs] of opts.queries.entries()) {
    const context = await browser.newContext({ viewport: SLIDE_SIZE, deviceScaleFactor: opts.format === "png" ? opts.scale : 1 });
    const page = await context.newPage();
    const url = `${baseUrl}/brief${qs ? `?${qs}` : ""}`;
    try {
      await openSlide(page, url, opts);
      if (opts.format === "png") {
        const file = outputPath(opts.out, i, opts.queries.length, "png");
        await page.getByTestId("brief-slide").screenshot({ path: file, animations: "disabled" });
        written.push(file);
      } else {
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        const pages = (await PDFDocument.load(pdf)).getPageCount();
        if (pages !== 1) throw new BriefError(`The slide at ${url} printed on ${pages} pages instead of one.`);
        pdfs.push(pdf);
      }
      log(`rendered ${url}`);
    } finally {
      await context.close();
    }
  }
  if (opts.format === "pdf") {
    const merged = await PDFDocument.create();
    merged.setTitle("Briefing slides · Aid & Escalation Monitor");
    merged.setCreator("Aid & Escalation Monitor (npm run brief)");
    for (const bytes of pdfs) {
      const doc = await PDFDocument.load(bytes);
      for (const p of await merged.copyPages(doc, doc.getPageIndices())) merged.addPage(p);
    }
    fs.writeFileSync(opts.out, await merged.save());
    written.push(opts.out);
  }
  return written;
}

async function main(argv: string[]): Promise<number> {
  let opts: BriefCliOptions;
  try {
    opts = parseBriefCliArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`[brief] ${e.message}\n\n${BRIEF_USAGE}`);
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    console.log(BRIEF_USAGE);
    return 0;
  }
  const outDir = path.dirname(path.resolve(opts.out));
  if (!fs.existsSync(outDir)) throw new BriefError(`The folder for --out does not exist: ${outDir}`);

  let server: OwnServer | null = null;
  let browser: Browser | null = null;
  try {
    let baseUrl = opts.baseUrl;
    if (baseUrl) {
      if (!(await isUp(baseUrl)))
        throw new BriefError(
          `No app answers at ${baseUrl} (GET /api/meta failed). Start it with npm start, or leave out --base-url to let this command start one.`,
        );
    } else {
      server = await startServer(opts.timeoutMs);
      baseUrl = server.baseUrl;
    }
    try {
      browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
    } catch (e) {
      throw new BriefError(
        `Could not start headless Chromium (${(e as Error).message.split("\n")[0]}). Install Debian's chromium (apt-get install chromium), or set CHROMIUM_PATH to a Chromium binary.`,
      );
    }
    const written = await render(browser, baseUrl, opts);
    for (const f of written) log(`wrote ${f} (${fs.statSync(f).size.toLocaleString("en-GB")} bytes)`);
    return 0;
  } finally {
    await browser?.close();
    server?.stop();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((e) => {
    console.error(`[brief] ${e instanceof BriefError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  });
