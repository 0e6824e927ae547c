/**
 * Imports a Kiel Ukraine Support Tracker release as the "kiel-ust" tracker dataset.
 *
 *   npm run import:kiel -- <release-folder | data_explorer.csv> [options]
 *   npm run import:kiel -- --url [<base URL>] [options]     download a release folder from the web
 *   npm run import:kiel -- --check [--url <base URL>]        is a newer release published?
 *
 * Honours DATABASE_URL; migrates the database first (so a missing or empty
 * database works). Exit code 0 on success (imported, unchanged, dry run, or a
 * --check answer either way), 1 when the files are invalid, cannot be
 * downloaded, or the import is refused or fails, 2 on wrong usage.
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
import { readReleaseFolder, type KielReleaseFiles } from "@/lib/import/kiel/read-release-folder";
import { formatKielResult } from "@/lib/import/kiel/format-result";
import { DEFAULT_FETCH_TIMEOUT_SECONDS, fetchReleaseFiles, fetchReleaseInfoFile, KielDownloadError } from "@/lib/import/kiel/fetch-release";
import { parseReleaseInfo } from "@/lib/import/kiel/parse-release-info";
import { comparePublishedRelease } from "@/lib/import/kiel/compare-published-release";
import { readHeldKielRelease } from "@/lib/import/kiel/held-release";
import { explainRefusal } from "@/lib/import/kiel/check-replacement";

const USAGE = `Usage: npm run import:kiel -- <release-folder | data_explorer.csv> [options]
       npm run import:kiel -- --url [<base URL>] [options]
       npm run import:kiel -- --check [--url <base URL>]

  <release-folder>    a folder with data_explorer.csv, and optionally release_info.csv and weapons.csv
  <file.csv>          a data_explorer.csv alone (give --release and --published, else a label is derived)
  --url [<base URL>]  download release_info.csv, data_explorer.csv and weapons.csv from a release folder
                      on the web (default: KIEL_RELEASE_URL), verify them, show the change, then import
  --check             only report whether a newer release than the database's is published at the URL
  --timeout <seconds> give up a download after this long (default ${DEFAULT_FETCH_TIMEOUT_SECONDS}, or KIEL_FETCH_TIMEOUT)
  --release <label>   release label, e.g. "Ukraine Support Tracker, Release 30 (06/2026)" (overrides release_info.csv)
  --published <date>  publication date YYYY-MM-DD (overrides release_info.csv)
  --allow-shrink      accept a release that removes more than 5% of the current release's records
  --allow-older       accept a release with an earlier data period or publication date than the current one
  --dry-run           validate and show what would change; write nothing
  --json              print the result as JSON instead of the summary
`;

class UsageError extends Error {}

type Source = { kind: "path"; target: string } | { kind: "url"; url: string };

function parse(argv: string[], env: NodeJS.ProcessEnv = process.env) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: "boolean", default: false },
        check: { type: "boolean", default: false },
        timeout: { type: "string" },
        release: { type: "string" },
        published: { type: "string" },
        "allow-shrink": { type: "boolean", default: false },
        "allow-older": { type: "boolean", default: false },
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
  if (values.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.published)) {
    throw new UsageError(`--published must be a date as YYYY-MM-DD, got "${values.published}"`);
  }
  const timeoutRaw = values.timeout ?? env.KIEL_FETCH_TIMEOUT?.trim() ?? "";
  const timeoutSeconds = timeoutRaw === "" ? DEFAULT_FETCH_TIMEOUT_SECONDS : Number(timeoutRaw);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 600) {
    throw new UsageError(`--timeout (or KIEL_FETCH_TIMEOUT) must be a number of seconds between 0 and 600, got "${timeoutRaw}"`);
  }
  if (positionals.length > 1) throw new UsageError(`expected one path or URL, got ${positionals.length}`);

  let source: Source;
  if (values.url || values.check) {
    const url = positionals[0] ?? env.KIEL_RELEASE_URL?.trim() ?? "";
    if (!url) {
      throw new UsageError("no release URL: give one after --url, or set KIEL_RELEASE_URL (the README says which address the tracker serves)");
    }
    source = { kind: "url", url };
  } else {
    if (positionals.length !== 1) throw new UsageError("missing the path of a release folder or data_explorer.csv (or --url)");
    // npm run changes the working directory to the project root; resolve paths against where the user typed them.
    const base = env.INIT_CWD ?? process.cwd();
    source = { kind: "path", target: path.resolve(base, positionals[0]) };
  }
  if (values.check && (values["dry-run"] || values.release || values.published || values["allow-shrink"] || values["allow-older"])) {
    throw new UsageError("--check only reports; it takes no import options");
  }
  return {
    source,
    check: values.check,
    timeoutSeconds,
    release: values.release,
    published: values.published,
    allowShrink: values["allow-shrink"],
    allowOlder: values["allow-older"],
    dryRun: values["dry-run"],
    json: values.json,
  };
}

type Args = NonNullable<ReturnType<typeof parse>>;

/** Opens the database without creating it: null when the file does not exist yet. */
function existingDatabaseUrl(): string | null {
  const url = resolveDatabaseUrl();
  const file = databaseFilePath(url);
  if (file && file !== ":memory:" && (!fs.existsSync(file) || fs.statSync(file).size === 0)) return null;
  return url;
}

/** --check: compares the published release_info.csv with the database's release. Writes nothing. */
async function check(args: Args, url: string, log: (s: string) => void): Promise<number> {
  const file = await fetchReleaseInfoFile(url, { timeoutSeconds: args.timeoutSeconds });
  const info = parseReleaseInfo(file.text, file.name);
  if (!info.ok) throw new KielValidationError(info.issues, info.issueCount);
  const dbUrl = existingDatabaseUrl();
  let held = null;
  if (dbUrl) {
    migrateDatabase(dbUrl);
    const db = createDb(dbUrl);
    try {
      held = await readHeldKielRelease(db);
    } finally {
      await db.$disconnect();
    }
  }
  const verdict = comparePublishedRelease(held, info.value);
  if (args.json) console.log(JSON.stringify({ newer: verdict.newer, published: info.value, held, url }, null, 2));
  else log(verdict.message);
  return 0;
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
  if (args.check && args.source.kind === "url") return check(args, args.source.url, log);

  let files: KielReleaseFiles;
  if (args.source.kind === "url") {
    log(`Kiel UST import: downloading ${args.source.url}${args.dryRun ? " (dry run)" : ""}`);
    const t = performance.now();
    files = await fetchReleaseFiles(args.source.url, { timeoutSeconds: args.timeoutSeconds });
    log(`  downloaded ${[files.releaseInfo, files.dataExplorer, files.weapons].map((f) => f!.name).join(", ")} (${Math.round(performance.now() - t)} ms)`);
  } else {
    files = readReleaseFolder(args.source.target);
    log(`Kiel UST import: ${args.source.target}${args.dryRun ? " (dry run)" : ""}`);
  }
  // Validate the files before touching (or creating) the database.
  const tValidate = performance.now();
  const rows = validateKielFiles(files).dataExplorer.rows.length;
  log(`  files valid: ${rows} rows of ${files.dataExplorer.name} (${Math.round(performance.now() - tValidate)} ms)`);

  let url = resolveDatabaseUrl();
  let tempDir: string | null = null;
  if (args.dryRun && !existingDatabaseUrl()) {
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
  const options = {
    release: args.release,
    published: args.published,
    allowShrink: args.allowShrink,
    allowOlder: args.allowOlder,
    onProgress: (p: { phase: string; message: string; done?: number; total?: number }) => {
      if (p.phase === "write") {
        // One line per 10,000 records, and the last.
        if (p.done !== p.total && (p.done ?? 0) - lastWrite < 10_000) return;
        lastWrite = p.done ?? 0;
      }
      log(`  [${p.phase}] ${p.message}`);
    },
  };
  try {
    // A download is shown as a dry run first, so the change is on screen before anything is written.
    if (args.source.kind === "url" && !args.dryRun) {
      const preview = await importKielRelease(db, files, { ...options, dryRun: true });
      if (!args.json) console.log(formatKielResult(preview));
      if (preview.guard.refused) {
        console.error(`import:kiel: ${explainRefusal(preview.guard)}`);
        return 1;
      }
      if (preview.unchanged) log("Importing anyway records the check as an unchanged run.");
      log("Importing…");
    }
    const result: ImportKielResult = await importKielRelease(db, files, { ...options, dryRun: args.dryRun });
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
    } else if (e instanceof KielDownloadError) {
      console.error(`import:kiel: download failed; nothing was changed. ${e.message}`);
    } else if (isAppError(e)) {
      console.error(`import:kiel: ${e.message}`);
    } else {
      // Unexpected: the transaction rolled back. The stack only on request (KIEL_DEBUG=1).
      const detail = process.env.KIEL_DEBUG ? `\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}` : " (set KIEL_DEBUG=1 for details)";
      console.error(`import:kiel: failed; the previous release is left as it was: ${e instanceof Error ? e.message : String(e)}${detail}`);
    }
    process.exit(1);
  });
