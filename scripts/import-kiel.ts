/**
 * Imports a Kiel Ukraine Support Tracker release as the "kiel-ust" tracker dataset.
 *
 *   npm run import:kiel -- <release-folder | data_explorer.csv> [--release <label>] [--published YYYY-MM-DD] [--dry-run]
 *
 * Honours DATABASE_URL; migrates the database first (so a missing or empty
 * database works). Exit code 0 on success (imported, unchanged or dry run),
 * 1 when the files are invalid or the import fails, 2 on wrong usage.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { databaseFilePath, resolveDatabaseUrl } from "@/lib/database-url";
import { createDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { migrateDatabase } from "@/lib/migrate-database";
import { importKielRelease, KielValidationError, validateKielFiles, type ImportKielResult } from "@/lib/import/kiel/import-kiel-release";
import { readReleaseFolder } from "@/lib/import/kiel/read-release-folder";
import { formatKielResult } from "@/lib/import/kiel/format-result";

const USAGE = `Usage: npm run import:kiel -- <release-folder | data_explorer.csv> [--release <label>] [--published YYYY-MM-DD] [--dry-run]

  <release-folder>   a folder with data_explorer.csv, and optionally release_info.csv and weapons.csv
  <file.csv>         a data_explorer.csv alone (give --release and --published, else a label is derived)
  --release <label>  release label, e.g. "Ukraine Support Tracker, Release 30 (06/2026)" (overrides release_info.csv)
  --published <date> publication date YYYY-MM-DD (overrides release_info.csv)
  --dry-run          validate and show what would change; write nothing
  --json             print the result as JSON instead of the summary
`;

class UsageError extends Error {}

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        release: { type: "string" },
        published: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length ? `expected one path, got ${positionals.length}` : "missing the path of a release folder or data_explorer.csv");
  }
  if (values.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.published)) {
    throw new UsageError(`--published must be a date as YYYY-MM-DD, got "${values.published}"`);
  }
  // npm run changes the working directory to the project root; resolve paths against where the user typed them.
  const base = process.env.INIT_CWD ?? process.cwd();
  return {
    target: path.resolve(base, positionals[0]),
    release: values.release,
    published: values.published,
    dryRun: values["dry-run"],
    json: values.json,
  };
}

async function main(): Promise<number> {
  let args;
  try {
    args = parse(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`import:kiel: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (!args) {
    console.log(USAGE);
    return 0;
  }

  const log = args.json ? (_: string) => {} : (s: string) => console.log(s);
  const files = readReleaseFolder(args.target);
  log(`Kiel UST import: ${args.target}${args.dryRun ? " (dry run)" : ""}`);
  // Validate the files before touching (or creating) the database.
  const tValidate = performance.now();
  const rows = validateKielFiles(files).dataExplorer.rows.length;
  log(`  files valid: ${rows} rows of ${files.dataExplorer.name} (${Math.round(performance.now() - tValidate)} ms)`);

  let url = resolveDatabaseUrl();
  let tempDir: string | null = null;
  const file = databaseFilePath(url);
  if (args.dryRun && file && file !== ":memory:" && (!fs.existsSync(file) || fs.statSync(file).size === 0)) {
    // A dry run must not create the database: compare against an empty one in a temporary folder.
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-kiel-dry-run-"));
    log(`  database ${url} does not exist yet: comparing against an empty database`);
    url = `file:${path.join(tempDir, "empty.db")}`;
  } else {
    log(`  database ${url}`);
  }
  const tMigrate = performance.now();
  await migrateDatabase(url);
  log(`  migrations applied (${Math.round(performance.now() - tMigrate)} ms)`);

  const db = createDb(url);
  let lastWrite = 0;
  try {
    const result: ImportKielResult = await importKielRelease(db, files, {
      release: args.release,
      published: args.published,
      dryRun: args.dryRun,
      onProgress: (p) => {
        if (p.phase === "write") {
          // One line per 10,000 records, and the last.
          if (p.done !== p.total && (p.done ?? 0) - lastWrite < 10_000) return;
          lastWrite = p.done ?? 0;
        }
        log(`  [${p.phase}] ${p.message}`);
      },
    });
    if (args.json) console.log(JSON.stringify(result, null, 2));
    else console.log(formatKielResult(result));
    return 0;
  } finally {
    await db.$disconnect();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

main()
  .then((code) => process.exit(code))
  .catch((e) => {
    if (e instanceof KielValidationError) {
      console.error(`import:kiel: the release is invalid; nothing was written. ${e.issueCount} problem${e.issueCount === 1 ? "" : "s"}:`);
      for (const i of e.kielIssues) console.error(`  ${i.file}:${i.line}${i.column ? ` [${i.column}]` : ""} ${i.message}`);
      if (e.issueCount > e.kielIssues.length) console.error(`  … and ${e.issueCount - e.kielIssues.length} more`);
    } else if (isAppError(e)) {
      console.error(`import:kiel: ${e.message}`);
    } else {
      console.error(`import:kiel: failed; the previous release is left as it was.\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    process.exit(1);
  });
