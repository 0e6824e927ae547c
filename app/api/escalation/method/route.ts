import fs from "node:fs/promises";
import path from "node:path";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The method document, served verbatim so the app and docs/ never disagree. */
export const GET = route(async () => {
  const text = await fs.readFile(path.join(process.cwd(), "docs", "escalation-index.md"), "utf8");
  return new Response(text, { headers: { "content-type": "text/markdown; charset=utf-8" } });
});
