import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Db } from "@/lib/db";
import { AppError, type ErrorIssue } from "@/lib/errors";
import { sourceIdFor } from "@/lib/sources/resolve-source-refs";
import { formatProblem, ProblemList, type AidCsvProblem } from "@/lib/import/aid/problems";
import { scanAidCsv, type ScanProgress } from "@/lib/import/aid/scan-aid-csv";
import { changesRecords, KeyIndex, summariseChange, TotalsByMeasureCurrency, type ChangeSummary, type ImportMode, type MeasureCurrencyTotal } from "@/lib/import/aid/plan";
import type { AidCsvRecord, AidCsvSource } from "@/lib/import/aid/row-schema";
import type { RecordContent } from "@/lib/import/aid/keys";
import { openSqlConnection, type SqlRunner } from "@/lib/import/aid/sql-runner";
import { dateFromIso } from "@/lib/domain/common-schemas";
import { periodMonthOf } from "@/lib/aid/period-month";
import { collectedInsert, COLLECTED_COLUMNS, refreshAidRollup, RollupCollector } from "@/lib/aid/rollup";
import {
  countRecords,
  deleteAllRecords,
  deleteRecordsByKey,
  slicesOfKeys,
  findDataset,
  findKnownDonors,
  findSourcesByUrl,
  forEachRecord,
  insertImportRun,
  insertRecords,
  insertSources,
  upsertDataset,
  type RecordToWrite,
} from "@/lib/import/aid/aid-store";
import { z } from "zod";

export const ZDatasetId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "must be 1–64 lowercase letters, digits, '-' or '_', starting with a letter or digit");

export interface AidImportProgress extends ScanProgress {
  /** "rollup": the dataset's sums for the aggregations are rebuilt (rows and bytes are 0). */
  phase: "validate" | "compare" | "write" | "rollup";
}

export interface ImportAidCsvOptions {
  /** The CSV file (read twice, streamed). */
  file: string;
  /** Name shown for the file (defaults to its base name). */
  fileLabel?: string;
  datasetId: string;
  /** Dataset name; sets it on an existing dataset too. Default for a new dataset: its id. */
  name?: string;
  /** Replace the dataset's records (delete those the file lacks); default: update and add. */
  replace?: boolean;
  dryRun?: boolean;
  onProgress?: (p: AidImportProgress) => void;
  now?: () => Date;
}

export interface ImportAidCsvResult {
  outcome: "imported" | "unchanged" | "dry-run";
  dryRun: boolean;
  datasetId: string;
  datasetName: string;
  datasetCreated: boolean;
  file: string;
  fileHash: string;
  rowsRead: number;
  /** Records the dataset holds after the import (on a dry run: would hold). */
  recordCount: number;
  change: ChangeSummary;
  totals: MeasureCurrencyTotal[];
  newSources: number;
  importRunId: string | null;
  durationMs: number;
}

/** A file that fails validation: 400; nothing was written. Issue paths are [line, column]. */
export class AidImportValidationError extends AppError {
  constructor(
    readonly problems: AidCsvProblem[],
    readonly problemCount: number,
    readonly unknownDonors: string[] = [],
  ) {
    const shown = problems.slice(0, 5).map(formatProblem).join("; ");
    const more = problemCount > 5 ? ` (and ${problemCount - 5} more)` : "";
    const donors = unknownDonors.length ? ` Unknown donor codes: ${unknownDonors.join(", ")}.` : "";
    const issues: ErrorIssue[] = problems.map((p) => ({ path: [p.line, p.column], message: formatProblem(p) }));
    super("BAD_REQUEST", `Invalid aid CSV: ${problemCount} problem${problemCount === 1 ? "" : "s"}: ${shown}${more}.${donors}`, issues);
    this.name = "AidImportValidationError";
  }
}

const WRITE_BATCH = 2000;

function contentOf(r: AidCsvRecord): RecordContent {
  return { ...r, sourceUrls: r.sources.map((s) => s.url) };
}

/**
 * Imports an aid CSV (the format GET /api/aid/records?format=csv writes) into
 * one non-tracker dataset.
 *
 * 1. Pass 1 streams the file: validates every row, registers its key (the
 *    external_key, else one derived from the content) and counts totals.
 *    Any problem (or an unknown donor code) → AidImportValidationError, nothing written.
 * 2. Compares the keys with the dataset's records (added / updated / unchanged / removed).
 * 3. Pass 2 streams the file again and writes the added and updated rows, all in
 *    one transaction that bumps the data version and records an ImportRun.
 * Only the dataset named is touched; a tracker dataset is refused.
 */
export async function importAidCsv(db: Db, url: string, options: ImportAidCsvOptions): Promise<ImportAidCsvResult> {
  const t0 = performance.now();
  const now = options.now ?? (() => new Date());
  const started = now();
  const idCheck = ZDatasetId.safeParse(options.datasetId);
  if (!idCheck.success) {
    throw new AppError("BAD_REQUEST", `Invalid dataset id "${options.datasetId}": ${idCheck.error.issues[0].message}`, [
      { path: ["dataset"], message: idCheck.error.issues[0].message },
    ]);
  }
  const datasetId = idCheck.data;
  const name = options.name?.trim() || undefined;
  if (name && name.length > 200) throw new AppError("BAD_REQUEST", "Invalid name: at most 200 characters", [{ path: ["name"], message: "at most 200 characters" }]);
  const mode: ImportMode = options.replace ? "replace" : "merge";
  const fileLabel = options.fileLabel ?? path.basename(options.file);
  const progress = options.onProgress ?? (() => {});

  // Pass 1: validate, register keys, count.
  const problems = new ProblemList();
  const keys = new KeyIndex();
  const totals = new TotalsByMeasureCurrency();
  const donorFirstLine = new Map<string, number>();
  const sources = new Map<string, AidCsvSource>();
  let firstSourceUrl: string | null = null;
  const scan = await scanAidCsv(options.file, {
    problems,
    hash: true,
    onProgress: (p) => progress({ phase: "validate", ...p }),
    onRow: (line, row) => {
      if (!row.ok) {
        for (const i of row.issues) problems.add(line, i.column, i.message);
        return;
      }
      const r = row.record;
      if (!donorFirstLine.has(r.donorCode)) donorFirstLine.set(r.donorCode, line);
      for (const s of r.sources) if (!sources.has(s.url)) sources.set(s.url, s);
      firstSourceUrl ??= r.sources[0].url;
      totals.add(r.measure, r.currency, r.amount);
      if (r.externalKey !== null) {
        if (!keys.registerExplicit(r.externalKey, contentOf(r))) {
          problems.add(line, "external_key", `"${r.externalKey}" appears more than once in the file`);
        }
      } else keys.registerDerived(contentOf(r));
    },
  });
  if (scan.readable && scan.rows === 0) problems.add(2, "", "the file has a header but no data rows");
  if (!problems.ok) throw new AidImportValidationError(problems.items, problems.count);

  const conn = openSqlConnection(db, url);
  try {
    // Checks against the database, before any write.
    const dataset = await findDataset(conn.reader, datasetId);
    if (dataset?.kind === "tracker") {
      throw new AppError("BAD_REQUEST", `Dataset "${datasetId}" is a tracker release, written only by its importer (npm run import:kiel)`, [
        { path: ["dataset"], message: "tracker datasets are read-only here" },
      ]);
    }
    const known = await findKnownDonors(conn.reader, [...donorFirstLine.keys()]);
    const unknown = [...donorFirstLine.keys()].filter((c) => !known.has(c)).sort();
    if (unknown.length) {
      const listed = new ProblemList();
      for (const c of unknown) listed.add(donorFirstLine.get(c)!, "donor_code", `unknown donor code "${c}" (first on this line)`);
      throw new AidImportValidationError(listed.items, listed.count, unknown);
    }

    const compare = async (r: SqlRunner) => {
      await forEachRecord(r, datasetId, (key, content) => keys.compareExisting(key, content));
      progress({ phase: "compare", rows: scan.rows, bytes: 0, totalBytes: scan.bytes });
      return summariseChange(keys.changeCounts(), mode);
    };
    const existingSources = await findSourcesByUrl(conn.reader, [...sources.keys()]);
    const newSources = [...sources.values()].filter((s) => !existingSources.has(s.url)).map((s) => ({ ...s, id: sourceIdFor({ ...s, title: s.title ?? s.url }) }));
    const sourceIdOf = new Map<string, string>([...existingSources, ...newSources.map((s) => [s.url, s.id] as const)]);
    const datasetName = name ?? dataset?.name ?? datasetId;
    const renames = !!dataset && dataset.name !== datasetName;

    const result = (outcome: ImportAidCsvResult["outcome"], change: ChangeSummary, importRunId: string | null, recordCount: number): ImportAidCsvResult => ({
      outcome,
      dryRun: !!options.dryRun,
      datasetId,
      datasetName,
      datasetCreated: !dataset && outcome !== "unchanged",
      file: fileLabel,
      fileHash: scan.sha256!,
      rowsRead: scan.rows,
      recordCount,
      change,
      totals: totals.list(),
      newSources: outcome === "unchanged" ? 0 : newSources.length,
      importRunId,
      durationMs: Math.round(performance.now() - t0),
    });
    const afterCount = (c: ChangeSummary) => c.added + c.updated + c.unchanged + c.kept;

    if (options.dryRun) {
      const change = await compare(conn.reader);
      return result("dry-run", change, null, afterCount(change));
    }

    const importRunId = `import-aid-${started.toISOString().replace(/[-:.]/g, "")}-${randomBytes(4).toString("hex")}`;
    return await conn.write(async (tx) => {
      const change = await compare(tx);
      const writes = !dataset || renames || changesRecords(change);
      const stamp = now();
      if (!dataset || renames) {
        await upsertDataset(tx, { id: datasetId, name: datasetName, description: `Imported from ${fileLabel} with import:aid.`, now: stamp });
      }
      if (writes) {
        await insertSources(tx, newSources, stamp);
        if (mode === "replace" && changesRecords(change)) await deleteAllRecords(tx, datasetId);
        if (changesRecords(change)) {
          // Every record of the dataset is written now (a new dataset, or --replace):
          // the source rollup is collected on the way instead of rebuilt from the links.
          const whole = mode === "replace" || (change.unchanged === 0 && change.kept === 0);
          const written = await writeRows(tx, { file: options.file, datasetId, keys, mode, sourceIdOf, now: stamp, onProgress: progress, whole });
          progress({ phase: "rollup", rows: 0, bytes: 0, totalBytes: 0 });
          await writeRollup(tx, datasetId, written);
          progress({ phase: "rollup", rows: 0, bytes: 0, totalBytes: 0, done: true });
        }
      }
      const recordCount = await countRecords(tx, datasetId);
      const outcome = writes ? "imported" : "unchanged";
      const finished = now();
      await insertImportRun(tx, {
        id: importRunId,
        datasetId,
        release: `${fileLabel} (sha256 ${scan.sha256!.slice(0, 12)})`,
        fileHash: scan.sha256!,
        startedAt: started,
        finishedAt: finished,
        rowsRead: scan.rows,
        recordCount,
        outcome,
        summary: JSON.stringify({ kind: "aid-csv", outcome, file: fileLabel, dataset: { id: datasetId, name: datasetName }, change, totals: totals.list() }),
        // The audit row cites the first source the file names (ImportRun requires one).
        sourceId: sourceIdOf.get(firstSourceUrl!)!,
      });
      return result(outcome, change, importRunId, recordCount);
    });
  } finally {
    await conn.close();
  }
}

/** What pass 2 wrote, for the rollup: the whole dataset's rollup, or the (measure, month) slices it touched. */
type Written = { rollup: RollupCollector } | { slices: Map<string, { measure: string; periodMonth: number }> };

/** Pass 2: streams the file again and writes the rows pass 1 and the comparison marked added or updated. */
async function writeRows(
  tx: SqlRunner,
  o: {
    file: string;
    datasetId: string;
    keys: KeyIndex;
    mode: ImportMode;
    sourceIdOf: Map<string, string>;
    now: Date;
    onProgress: (p: AidImportProgress) => void;
    /** Every record of the dataset is written by this import. */
    whole: boolean;
  },
): Promise<Written> {
  let batch: RecordToWrite[] = [];
  let updatedKeys: string[] = [];
  const written: Written = o.whole ? { rollup: new RollupCollector() } : { slices: new Map() };
  const addSlice = (measure: string, periodMonth: number) => {
    if ("slices" in written) written.slices.set(`${measure}|${periodMonth}`, { measure, periodMonth });
  };
  const days = new Map<string, { periodMonth: number; value: unknown }>();
  const dayOf = (iso: string) => {
    let d = days.get(iso);
    if (!d) {
      const date = dateFromIso(iso);
      d = { periodMonth: periodMonthOf(date), value: tx.dateParam(date) };
      if (days.size < 10_000) days.set(iso, d);
    }
    return d;
  };
  const flush = async () => {
    if (updatedKeys.length) {
      // The old versions' cells change too.
      for (const s of await slicesOfKeys(tx, o.datasetId, updatedKeys)) addSlice(s.measure, s.periodMonth);
      await deleteRecordsByKey(tx, o.datasetId, updatedKeys);
    }
    await insertRecords(tx, o.datasetId, batch, o.now);
    batch = [];
    updatedKeys = [];
  };
  const problems = new ProblemList();
  await scanAidCsv(o.file, {
    problems,
    onProgress: (p) => o.onProgress({ phase: "write", ...p }),
    onRow: (line, row) => {
      // Pass 1 accepted every row; a row that now fails means the file changed in between.
      if (!row.ok) throw new AppError("CONFLICT", `The file changed during the import (line ${line}); nothing was written`);
      const r = row.record;
      const { key, change } =
        r.externalKey !== null ? { key: r.externalKey, change: o.keys.takeExplicit(r.externalKey) } : o.keys.takeDerived(contentOf(r));
      // After --replace deleted the dataset's records, every row is written.
      if (o.mode === "merge" && change === "unchanged") return;
      if (o.mode === "merge" && change === "updated") updatedKeys.push(key);
      const sourceIds = r.sources.map((s) => o.sourceIdOf.get(s.url)!);
      const day = dayOf(r.date);
      if ("rollup" in written) {
        written.rollup.add(
          {
            measure: r.measure, periodMonth: day.periodMonth, donorCode: r.donorCode, category: r.category, currency: r.currency,
            granularity: r.granularity, day: r.date, date: day.value, subcategory: r.subcategory, amount: r.amount,
          },
          sourceIds,
        );
      } else addSlice(r.measure, day.periodMonth);
      batch.push({ key, record: r, sourceIds });
      return batch.length >= WRITE_BATCH ? flush() : undefined;
    },
  });
  if (!problems.ok) throw new AppError("CONFLICT", "The file changed during the import; nothing was written");
  if (batch.length) await flush();
  return written;
}

/** Brings the dataset's rollup in step with what pass 2 wrote (lib/aid/rollup.ts). */
async function writeRollup(tx: SqlRunner, datasetId: string, written: Written): Promise<void> {
  const exec = (sql: string, params: unknown[]) => tx.exec(sql, params);
  if ("slices" in written) {
    await refreshAidRollup(exec, { datasetId, slices: [...written.slices.values()] });
    return;
  }
  await refreshAidRollup(exec, { datasetId }, { collected: true });
  for (const [table, rows] of [
    ["AidRollup", written.rollup.sumRows(datasetId)],
    ["AidRollupSource", written.rollup.sourceRows(datasetId)],
  ] as const) {
    const per = Math.floor(tx.maxParams / COLLECTED_COLUMNS[table]);
    for (let i = 0; i < rows.length; i += per) {
      const part = rows.slice(i, i + per);
      await tx.exec(collectedInsert(table, part.length), part.flat());
    }
  }
}
