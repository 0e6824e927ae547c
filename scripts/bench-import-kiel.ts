/**
 * Times the Kiel importer on the reference release (R29) in a temporary
 * database: a fresh import, the same files again ("unchanged") and a modified
 * copy (one value changed, one row dropped) that replaces it.
 *   npx tsx scripts/bench-import-kiel.ts [release-folder]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db";
import { migrateDatabase } from "@/lib/migrate-database";
import { loadSeed } from "@/lib/seed/load-seed";
import { readSeedData } from "@/lib/seed/seed-files";
import { importKielRelease } from "@/lib/import/kiel/import-kiel-release";
import { defaultKielReleaseFolder, readReleaseFolder } from "@/lib/import/kiel/read-release-folder";

async function main() {
  const folder = path.resolve(process.argv[2] ?? defaultKielReleaseFolder() ?? "data/kiel/r29");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-bench-kiel-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  try {
    await migrateDatabase(url);
    const db = createDb(url);
    try {
      await loadSeed(db, readSeedData());
      const files = readReleaseFolder(folder);
      const lines = files.dataExplorer.text.split("\n");
      // Modified copy: change the first data row's military value, drop the last data row.
      const cells = lines[1].split(",");
      cells[7] = String(Number(cells[7]) + 0.001);
      cells[4] = String(Number(cells[4]) + 0.001);
      const modified = {
        ...files,
        dataExplorer: { ...files.dataExplorer, text: [lines[0], cells.join(","), ...lines.slice(2, -2), ""].join("\n") },
      };
      const runs: [string, typeof files][] = [
        ["fresh", files],
        ["unchanged", files],
        ["replacement", modified],
      ];
      for (const [label, f] of runs) {
        const t0 = performance.now();
        const r = await importKielRelease(db, f);
        const ms = performance.now() - t0;
        console.log(
          `${label.padEnd(12)} ${ms.toFixed(0).padStart(5)} ms  outcome=${r.outcome} records=${r.summary.recordCount} ` +
            `(+${r.change.records.added} -${r.change.records.removed} ~${r.change.records.changed})`,
        );
      }
    } finally {
      await db.$disconnect();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
