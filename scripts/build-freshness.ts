import fs from "node:fs";
import path from "node:path";

/** What a production build depends on. */
const SOURCE_DIRS = ["app", "components", "lib", "docs", "prisma"];
const SOURCE_FILES = ["package.json", "next.config.js", "tsconfig.json"];

/**
 * Whether the production build in `distDir` is newer than every source file it
 * depends on, so `git pull && npm start` (and the bench) serve the new code.
 */
export function buildIsCurrent(root: string, distDir: string = process.env.NEXT_DIST_DIR || ".next"): boolean {
  let newest = 0;
  const visit = (p: string) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const d of [...SOURCE_DIRS, ...SOURCE_FILES]) visit(path.join(root, d));
  const id = fs.statSync(path.join(root, distDir, "BUILD_ID"), { throwIfNoEntry: false });
  return !!id && id.mtimeMs >= newest;
}
