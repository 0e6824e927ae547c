/**
 * Makes the database at DATABASE_URL ready to serve: applies migrations, loads
 * the curated seed (idempotent) and, on a database without a tracker release,
 * imports the newest Kiel release shipped in data/kiel/ (or KIEL_RELEASE_DIR).
 */
import { resolveDatabaseUrl } from "@/lib/database-url";
import { createDb } from "@/lib/db";
import { migrateDatabase } from "@/lib/migrate-database";
import { loadSeed } from "@/lib/seed/load-seed";
import { readSeedData } from "@/lib/seed/seed-files";
import { importKielReleaseIfMissing } from "@/lib/import/kiel/import-kiel-release";
import { defaultKielReleaseFolder } from "@/lib/import/kiel/read-release-folder";

export async function prepareDatabase(): Promise<void> {
  const url = resolveDatabaseUrl();
  console.log(`[db] ${url}`);
  await migrateDatabase(url);
  const db = createDb(url);
  try {
    const counts = await loadSeed(db, readSeedData());
    console.log(`[db] seed: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`);
    // KIEL_RELEASE_DIR=none skips it; unset means the newest release shipped in data/kiel/.
    const folder = process.env.KIEL_RELEASE_DIR?.trim() || defaultKielReleaseFolder();
    if (!folder) {
      console.log("[db] Kiel release not imported: no release folder under data/kiel/ and KIEL_RELEASE_DIR is not set");
    } else if (folder !== "none") {
      const kiel = await importKielReleaseIfMissing(db, folder);
      console.log(kiel.imported ? `[db] imported "${kiel.result.release.label}" from ${folder}` : `[db] Kiel release not imported: ${kiel.reason}`);
    }
  } finally {
    await db.$disconnect();
  }
}

if (require.main === module) {
  prepareDatabase().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
