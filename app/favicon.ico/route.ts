import fs from "node:fs/promises";
import path from "node:path";

// Browsers still ask for /favicon.ico; answer with the same mark as app/icon.svg.
export async function GET() {
  const svg = await fs.readFile(path.join(process.cwd(), "app", "icon.svg"));
  return new Response(svg, { headers: { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" } });
}
