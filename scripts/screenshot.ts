/**
 * Developer aid: screenshot a page in headless Chromium.
 * npx tsx scripts/screenshot.ts <url> <out.png> [width] [height]
 */
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "@/lib/chromium";

async function main() {
  const [url, out, width = "1440", height = "900"] = process.argv.slice(2);
  if (!url || !out) throw new Error("usage: screenshot <url> <out.png> [width] [height]");
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: "networkidle" });
  await page.screenshot({ path: out, fullPage: process.env.FULL !== "0" });
  await browser.close();
  if (errors.length) console.log("console errors:\n" + errors.join("\n"));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
