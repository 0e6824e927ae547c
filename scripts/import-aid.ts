/**
 * Imports an aid CSV (the format GET /api/aid/records?format=csv writes) into one dataset.
 * Honours DATABASE_URL (SQLite or PostgreSQL); migrates the database first.
 * Exit code 0 on success (imported, unchanged or dry run), 1 when the file is
 * invalid or the import fails (nothing written), 2 on wrong usage.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { databaseFilePath, redactUrl, resolveDatabaseUrl } from "@/lib/database-url";
import { createDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { migrateDatabase } from "@/lib/migrate-database";
import { AidImportValidationError, importAidCsv, type AidImportProgress } from "@/lib/import/aid/import-aid-csv";
import { formatAidImportResult } from "@/lib/import/aid/format-result";
import { formatProblem } from "@/lib/import/aid/problems";
import { REQUIRED_COLUMNS, OPTIONAL_COLUMNS, SOURCE_SEPARATOR } from "@/lib/import/aid/format";

const USAGE = `Usage: npm run import:aid -- <file.csv> --dataset <id> [--name "<name>"] [--replace] [--dry-run] [--json]

Imports aid records from a CSV in the format GET /api/aid/records?format=csv writes.

  <file.csv>        required columns: ${REQUIRED_COLUMNS.join(", ")}
                    optional: ${OPTIONAL_COLUMNS.join(", ")}; other columns are ignored
                    several sources per row: "${SOURCE_SEPARATOR}" between them in source_urls,
                    source_publishers and source_titles, matched by position
  --dataset <id>    the dataset to write (created as kind "analyst" when missing; a tracker
                    dataset is refused). No other dataset is touched.
  --name <name>     the dataset's name (also renames an existing dataset)
  --replace         make the dataset hold exactly the file's rows: records whose key is not
                    in the file are deleted (atomically, in the same transaction)
                    Without it: rows whose key the dataset has are updated, new keys are
                    added, and records missing from the file are kept.
  --dry-run         validate and report what would change; write nothing
  --json            print the result as JSON

Keys: a row's external_key, or, when empty, a key derived from the row's content; so
importing the same file again changes nothing. Every row is validated before anything is
written: one bad row (named by line and column) or an unknown donor code writes nothing.
`;

class UsageError extends Error {}

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        dataset: { type: "string" },
        name: { type: "string" },
        replace: { type: "boolean", default: false },
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
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `expected one file, got ${positionals.length}` : "missing the CSV file");
  if (!values.dataset) throw new UsageError("missing --dataset <id>");
  // npm run changes the working directory to the project root; resolve the path against where the user typed it.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`no such file: ${positionals[0]}`);
  return { file, dataset: values.dataset, name: values.name, replace: values.replace, dryRun: values["dry-run"], json: values.json };
}

/** One progress line a second: phase, percent of the file's bytes, rows and rows/s. */
function progressPrinter(enabled: boolean) {
  const tty = process.stderr.isTTY;
  let last = 0;
  let phaseStart = performance.now();
  let phase = "";
  return (p: AidImportProgress) => {
    if (!enabled) return;
    const t = performance.now();
    if (p.phase !== phase) {
      phase = p.phase;
      phaseStart = t;
    }
    const done = !!p.done;
    if (p.phase === "rollup") {
      if (!done) process.stderr.write("  [rollup] summing the dataset for the aggregations…\n");
      return;
    }
    if (!done && t - last < 1000) return;
    last = t;
    const pct = p.done ? 100 : p.totalBytes ? Math.min(99, Math.floor((100 * p.bytes) / p.totalBytes)) : 0;
    const rate = p.rows / Math.max((t - phaseStart) / 1000, 0.001);
    const line = `  [${p.phase}] ${pct.toFixed(0).padStart(3)}%  ${p.rows.toLocaleString("en-GB")} rows  ${Math.round(rate).toLocaleString("en-GB")} rows/s`;
    process.stderr.write(tty ? `\r${line.padEnd(70)}${done ? "\n" : ""}` : `${line}\n`);
  };
}

/**
 * Whether `prisma migrate deploy` has work to do. On SQLite it is skipped when
 * every migration is applied: it needs the database to itself, so it would fail
 * while the app server holds a connection, even though there is nothing to do.
 */
function hasPendingMigrations(url: string): boolean {
  const file = databaseFilePath(url);
  if (!file) return true; // PostgreSQL: migrate deploy takes an advisory lock and coexists with the app.
  if (!fs.existsSync(file)) return true;
  const folder = path.join(process.env.MONITOR_ROOT ?? process.cwd(), "prisma", "migrations");
  const expected = fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const applied = new Set(
      (
        conn.prepare(`SELECT "migration_name" AS name FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`).all() as {
          name: string;
        }[]
      ).map((r) => r.name),
    );
    return expected.some((m) => !applied.has(m));
  } catch {
    return true; // no migrations table yet
  } finally {
    conn.close();
  }
}

async function main(): Promise<number> {
  let args;
  try {
    args = parse(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`import:aid: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  const url = resolveDatabaseUrl();
  const log = args.json ? (_: string) => {} : (s: string) => console.error(s);
  log(`import:aid ${args.file} → dataset "${args.dataset}" on ${redactUrl(url)}${args.dryRun ? " (dry run)" : ""}${args.replace ? " (replace)" : ""}`);
  const file = databaseFilePath(url);
  if (args.dryRun && file && !fs.existsSync(file)) {
    // Without a database there are no donors to check against, and a dry run must not create one.
    console.error(`import:aid: no database at ${file}; a dry run does not create one (run npm run db:prepare first)`);
    return 1;
  }
  if (hasPendingMigrations(url)) await migrateDatabase(url);
  const db = createDb(url);
  try {
    const result = await importAidCsv(db, url, {
      file: args.file,
      datasetId: args.dataset,
      name: args.name,
      replace: args.replace,
      dryRun: args.dryRun,
      onProgress: progressPrinter(!args.json),
      // The command line has a second core to parse on (the app's route parses in-thread).
      parseInWorker: true,
    });
    console.log(args.json ? JSON.stringify(result, null, 2) : formatAidImportResult(result));
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((e) => {
    if (e instanceof AidImportValidationError) {
      console.error(`import:aid: the file is invalid; nothing was written. ${e.problemCount} problem${e.problemCount === 1 ? "" : "s"}:`);
      if (e.unknownDonors.length) console.error(`  unknown donor codes: ${e.unknownDonors.join(", ")}`);
      for (const p of e.problems) console.error(`  ${formatProblem(p)}`);
      if (e.problemCount > e.problems.length) console.error(`  … and ${e.problemCount - e.problems.length} more`);
    } else if (isAppError(e)) {
      console.error(`import:aid: ${e.message}`);
    } else {
      console.error(`import:aid: failed; nothing was written.\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    process.exit(1);
  });
