/**
 * Imports an ACLED or UCDP GED export CSV into its conflict dataset.
 * Honours DATABASE_URL (SQLite or PostgreSQL); migrates the database first.
 * Exit code 0 on success (imported, unchanged or dry run), 1 when the file is
 * invalid or the import fails (nothing written), 2 on wrong usage.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { databaseFilePath, redactUrl, resolveDatabaseUrl } from "@/lib/database-url";
import { createDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { migrateDatabase } from "@/lib/migrate-database";
import { formatProblem } from "@/lib/import/aid/problems";
import { CONFLICT_FORMATS, type ConflictFormat } from "@/lib/conflict/codebook";
import { ConflictImportValidationError, importConflictCsv, type ConflictImportProgress } from "@/lib/conflict/import-conflict-csv";
import { formatConflictImportResult } from "@/lib/conflict/format-result";

const USAGE = `Usage: npm run import:events -- <file.csv> --format acled|ucdp [--dry-run] [--json]

Imports an ACLED export CSV or a UCDP GED CSV (as published, following each codebook).
  --format     acled (event_id_cnty, event_date, time_precision, event_type, sub_event_type, actor1,
               country, admin1, fatalities, … ) or ucdp (id, type_of_violence, side_a, side_b, country,
               date_prec, date_start, date_end, best, …)
  --dry-run    validate and report what would change; write nothing
  --json       print the result as JSON

A newer export replaces the events it covers: its date range for the countries in it, plus any event
whose id it holds. The same file again changes nothing. One invalid row or a repeated event id
(named by line and column) writes nothing.
`;

class UsageError extends Error {}

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string" },
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
  if (!values.format || !(CONFLICT_FORMATS as readonly string[]).includes(values.format)) throw new UsageError("--format must be acled or ucdp");
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`no such file: ${positionals[0]}`);
  return { file, format: values.format as ConflictFormat, dryRun: values["dry-run"], json: values.json };
}

/** One progress line a second on stderr: phase, percent of the file, rows and rows/s. */
function progressPrinter(enabled: boolean) {
  const tty = process.stderr.isTTY;
  let last = 0;
  let start = performance.now();
  let phase = "";
  return (p: ConflictImportProgress) => {
    if (!enabled) return;
    const t = performance.now();
    if (p.phase !== phase) {
      if (phase === "read" && tty) process.stderr.write("\n");
      phase = p.phase;
      start = t;
      if (p.phase !== "read") process.stderr.write(`  [${p.phase}] ${p.phase === "replace" ? "swapping the covered events" : "rebuilding the daily sums"}…\n`);
    }
    if (p.phase !== "read" || (!p.done && t - last < 1000)) return;
    last = t;
    const pct = p.done ? 100 : p.totalBytes ? Math.min(99, Math.floor((100 * p.bytes) / p.totalBytes)) : 0;
    const rate = p.rows / Math.max((t - start) / 1000, 0.001);
    const line = `  [read] ${String(pct).padStart(3)}%  ${p.rows.toLocaleString("en-GB")} events  ${Math.round(rate).toLocaleString("en-GB")} events/s`;
    process.stderr.write(tty ? `\r${line.padEnd(70)}` : `${line}\n`);
  };
}

async function main(): Promise<number> {
  let args;
  try {
    args = parse(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`import:events: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  const url = resolveDatabaseUrl();
  if (!args.json) console.error(`import:events ${args.file} (${args.format}) on ${redactUrl(url)}${args.dryRun ? " (dry run)" : ""}`);
  const dbFile = databaseFilePath(url);
  if (args.dryRun && dbFile && !fs.existsSync(dbFile)) {
    console.error(`import:events: no database at ${dbFile}; a dry run does not create one (run npm run db:prepare first)`);
    return 1;
  }
  await migrateDatabase(url);
  const db = createDb(url);
  try {
    const result = await importConflictCsv(db, url, { file: args.file, format: args.format, dryRun: args.dryRun, onProgress: progressPrinter(!args.json) });
    console.log(args.json ? JSON.stringify(result, null, 2) : formatConflictImportResult(result));
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((e) => {
    if (e instanceof ConflictImportValidationError) {
      console.error(`import:events: the file is invalid; nothing was written. ${e.problemCount} problem${e.problemCount === 1 ? "" : "s"}:`);
      for (const p of e.problems) console.error(`  ${formatProblem(p)}`);
      if (e.problemCount > e.problems.length) console.error(`  … and ${e.problemCount - e.problems.length} more`);
    } else if (isAppError(e)) {
      console.error(`import:events: ${e.message}`);
    } else {
      console.error(`import:events: failed; nothing was written.\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    process.exit(1);
  });
