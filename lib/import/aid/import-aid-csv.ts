import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Db } from "@/lib/db";
import { AppError, type ErrorIssue } from "@/lib/errors";
import { sourceIdFor } from "@/lib/sources/resolve-source-refs";
import { formatProblem, ProblemList, type AidCsvProblem } from "@/lib/import/aid/problems";
import { scanAidCsv, type ScanProgress, type ScanResult } from "@/lib/import/aid/scan-aid-csv";
import { scanAidCsvInWorker } from "@/lib/import/aid/scan-in-worker";
import {
  changesRecords,
  KeyIndex,
  summariseChange,
  TotalsByMeasureCurrency,
  type ChangeSummary,
  type ImportMode,
  type MeasureCurrencyTotal,
} from "@/lib/import/aid/plan";
import type { AidCsvRecord, AidCsvSource, ParsedRow } from "@/lib/import/aid/row-schema";
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
  allDonorCodes,
  findDataset,
  findKnownDonors,
  findSourcesByUrl,
  forEachRecord,
  insertImportRun,
  insertRecords,
  insertSources,
  upsertDataset,
  type DatasetRow,
  type RecordToWrite,
} from "@/lib/import/aid/aid-store";
import { z } from "zod";

export const ZDatasetId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "must be 1–64 lowercase letters, digits, '-' or '_', starting with a letter or digit");

export interface AidImportProgress extends ScanProgress {
  /**
   * "import": a new dataset's single pass, validating and writing each row.
   * "rollup": the dataset's sums for the aggregations are rebuilt (rows and bytes are 0).
   */
  phase: "validate" | "compare" | "write" | "import" | "rollup";
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
  /**
   * Parse a new dataset's file on a worker thread (scanAidCsvInWorker) while
   * this one writes. Needs tsx (the command line), not the app's bundle.
   */
  parseInWorker?: boolean;
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
 * A new dataset is imported in one pass (importNewDataset), an existing one
 * (or a dry run) in two (importIntoDataset). Either way a bad row, an unknown
 * donor code or a failed write leaves the database as it was, the write is
 * one transaction that bumps the data version and records an ImportRun, and
 * only the dataset named is touched; a tracker dataset is refused.
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
  if (name && name.length > 200)
    throw new AppError("BAD_REQUEST", "Invalid name: at most 200 characters", [{ path: ["name"], message: "at most 200 characters" }]);
  const mode: ImportMode = options.replace ? "replace" : "merge";
  const fileLabel = options.fileLabel ?? path.basename(options.file);
  const progress = options.onProgress ?? (() => {});

  const conn = openSqlConnection(db, url);
  try {
    const dataset = await findDataset(conn.reader, datasetId);
    if (dataset?.kind === "tracker") {
      throw new AppError("BAD_REQUEST", `Dataset "${datasetId}" is a tracker release, written only by its importer (npm run import:kiel)`, [
        { path: ["dataset"], message: "tracker datasets are read-only here" },
      ]);
    }
    const run: ImportRun = {
      conn,
      datasetId,
      name,
      mode,
      fileLabel,
      progress,
      now,
      started,
      t0,
      dryRun: !!options.dryRun,
      file: options.file,
      parseInWorker: !!options.parseInWorker,
    };
    // A new dataset is validated and written in one pass, inside the write
    // transaction (a bad row rolls it back): reading a million rows twice
    // costs a fifth of the import.
    if (!dataset && !options.dryRun) return await importNewDataset(run);
    return await importIntoDataset(run, dataset);
  } finally {
    await conn.close();
  }
}

interface ImportRun {
  conn: ReturnType<typeof openSqlConnection>;
  datasetId: string;
  name: string | undefined;
  mode: ImportMode;
  fileLabel: string;
  file: string;
  dryRun: boolean;
  parseInWorker: boolean;
  progress: (p: AidImportProgress) => void;
  now: () => Date;
  started: Date;
  t0: number;
}

/**
 * What a pass that validates learns from each row: its problems, keys (a key
 * twice is a problem), totals, donors (first line of each) and sources.
 */
class FileCheck {
  readonly problems = new ProblemList();
  readonly keys = new KeyIndex();
  readonly totals = new TotalsByMeasureCurrency();
  readonly donorFirstLine = new Map<string, number>();
  readonly sources = new Map<string, AidCsvSource>();
  firstSourceUrl: string | null = null;

  /** @param forNewDataset keys are not compared with existing records afterwards */
  constructor(private readonly forNewDataset = false) {}

  /** The row's record and key when it is valid, else null (its problems are listed). */
  visit(line: number, row: ParsedRow): { record: AidCsvRecord; key: string } | null {
    if (!row.ok) {
      for (const i of row.issues) this.problems.add(line, i.column, i.message);
      return null;
    }
    const r = row.record;
    if (!this.donorFirstLine.has(r.donorCode)) this.donorFirstLine.set(r.donorCode, line);
    for (const s of r.sources) if (!this.sources.has(s.url)) this.sources.set(s.url, s);
    this.firstSourceUrl ??= r.sources[0].url;
    this.totals.add(r.measure, r.currency, r.amount);
    if (r.externalKey === null) return { record: r, key: this.keys.registerDerived(contentOf(r)) };
    const fresh = this.forNewDataset ? this.keys.claimExplicit(r.externalKey) : this.keys.registerExplicit(r.externalKey, contentOf(r));
    if (!fresh) {
      this.problems.add(line, "external_key", `"${r.externalKey}" appears more than once in the file`);
      return null;
    }
    return { record: r, key: r.externalKey };
  }

  /** Throws when a row was bad, the file had no rows, or a donor code is unknown; nothing is written then. */
  assertValid(scan: ScanResult, known?: Set<string>): void {
    if (scan.readable && scan.rows === 0) this.problems.add(2, "", "the file has a header but no data rows");
    if (!this.problems.ok) throw new AidImportValidationError(this.problems.items, this.problems.count);
    if (!known) return;
    const unknown = [...this.donorFirstLine.keys()].filter((c) => !known.has(c)).sort();
    if (!unknown.length) return;
    const listed = new ProblemList();
    for (const c of unknown) listed.add(this.donorFirstLine.get(c)!, "donor_code", `unknown donor code "${c}" (first on this line)`);
    throw new AidImportValidationError(listed.items, listed.count, unknown);
  }
}

function resultOf(
  run: ImportRun,
  o: {
    outcome: ImportAidCsvResult["outcome"];
    change: ChangeSummary;
    importRunId: string | null;
    recordCount: number;
    created: boolean;
    datasetName: string;
    scan: ScanResult;
    check: FileCheck;
    newSources: number;
  },
): ImportAidCsvResult {
  return {
    outcome: o.outcome,
    dryRun: run.dryRun,
    datasetId: run.datasetId,
    datasetName: o.datasetName,
    datasetCreated: o.created,
    file: run.fileLabel,
    fileHash: o.scan.sha256!,
    rowsRead: o.scan.rows,
    recordCount: o.recordCount,
    change: o.change,
    totals: o.check.totals.list(),
    newSources: o.outcome === "unchanged" ? 0 : o.newSources,
    importRunId: o.importRunId,
    durationMs: Math.round(performance.now() - run.t0),
  };
}

const newImportRunId = (started: Date) => `import-aid-${started.toISOString().replace(/[-:.]/g, "")}-${randomBytes(4).toString("hex")}`;

/** The audit row of a run that wrote (ImportRun); it cites the first source the file names (ImportRun requires one). */
async function recordRun(
  tx: SqlRunner,
  run: ImportRun,
  o: {
    id: string;
    scan: ScanResult;
    recordCount: number;
    outcome: "imported" | "unchanged";
    datasetName: string;
    change: ChangeSummary;
    check: FileCheck;
    sourceId: string;
  },
) {
  await insertImportRun(tx, {
    id: o.id,
    datasetId: run.datasetId,
    release: `${run.fileLabel} (sha256 ${o.scan.sha256!.slice(0, 12)})`,
    fileHash: o.scan.sha256!,
    startedAt: run.started,
    finishedAt: run.now(),
    rowsRead: o.scan.rows,
    recordCount: o.recordCount,
    outcome: o.outcome,
    summary: JSON.stringify({
      kind: "aid-csv",
      outcome: o.outcome,
      file: run.fileLabel,
      dataset: { id: run.datasetId, name: o.datasetName },
      change: o.change,
      totals: o.check.totals.list(),
    }),
    sourceId: o.sourceId,
  });
}

/**
 * A dataset that does not exist yet: one streaming pass inside the write
 * transaction validates each row and, while no row has failed, writes it.
 * The first bad row stops the writing; the pass goes on to list up to 50
 * problems, then the transaction is rolled back: nothing is written.
 */
async function importNewDataset(run: ImportRun): Promise<ImportAidCsvResult> {
  const check = new FileCheck(true);
  const known = await allDonorCodes(run.conn.reader);
  const datasetName = run.name ?? run.datasetId;
  const importRunId = newImportRunId(run.started);
  return run.conn.write(async (tx) => {
    // Another import may have created it since the check above.
    if (await findDataset(tx, run.datasetId)) {
      throw new AppError("CONFLICT", `Dataset "${run.datasetId}" was created by another import meanwhile; nothing was written. Run the import again.`);
    }
    const stamp = run.now();
    await upsertDataset(tx, { id: run.datasetId, name: datasetName, description: `Imported from ${run.fileLabel} with import:aid.`, now: stamp });
    const sourceIdOf = new Map<string, string>();
    let newSources = 0;
    const writer = new RowWriter(tx, { datasetId: run.datasetId, mode: "replace", now: stamp, whole: true });
    // Rows wait in a batch until their sources are resolved: one lookup and
    // one insert per batch, not a round trip per new source (PostgreSQL).
    let pending: { key: string; record: AidCsvRecord }[] = [];
    const flushPending = async () => {
      const unknown = new Map<string, AidCsvSource>();
      for (const p of pending) for (const s of p.record.sources) if (!sourceIdOf.has(s.url)) unknown.set(s.url, s);
      if (unknown.size) {
        const found = await findSourcesByUrl(tx, [...unknown.keys()]);
        const fresh = [...unknown.values()].filter((s) => !found.has(s.url)).map((s) => ({ ...s, id: sourceIdFor({ ...s, title: s.title ?? s.url }) }));
        await insertSources(tx, fresh, stamp);
        newSources += fresh.length;
        for (const [url, id] of found) sourceIdOf.set(url, id);
        for (const f of fresh) sourceIdOf.set(f.url, f.id);
      }
      for (const p of pending) {
        const written = writer.add(
          p.key,
          p.record,
          p.record.sources.map((s) => sourceIdOf.get(s.url)!),
        );
        if (written) await written;
      }
      pending = [];
    };
    let failed = false;
    const scan = await (run.parseInWorker ? scanAidCsvInWorker : scanAidCsv)(run.file, {
      problems: check.problems,
      hash: true,
      onProgress: (p) => run.progress({ phase: "import", ...p }),
      onRow: (line, row) => {
        const ok = check.visit(line, row);
        if (ok && !known.has(ok.record.donorCode)) failed = true;
        failed ||= !ok || !check.problems.ok;
        if (failed || !ok) return;
        pending.push(ok);
        return pending.length >= WRITE_BATCH ? flushPending() : undefined;
      },
    });
    if (!failed) await flushPending();
    check.assertValid(scan, known);
    const written = await writer.finish();
    run.progress({ phase: "rollup", rows: 0, bytes: 0, totalBytes: 0 });
    await writeRollup(tx, run.datasetId, written);
    run.progress({ phase: "rollup", rows: 0, bytes: 0, totalBytes: 0, done: true });
    const change: ChangeSummary = { mode: run.mode, added: scan.rows, updated: 0, unchanged: 0, removed: 0, kept: 0 };
    await recordRun(tx, run, {
      id: importRunId,
      scan,
      recordCount: scan.rows,
      outcome: "imported",
      datasetName,
      change,
      check,
      sourceId: sourceIdOf.get(check.firstSourceUrl!)!,
    });
    return resultOf(run, { outcome: "imported", change, importRunId, recordCount: scan.rows, created: true, datasetName, scan, check, newSources });
  });
}

/**
 * An existing dataset (or a dry run):
 * 1. Pass 1 streams the file: validates every row, registers its key (the
 *    external_key, else one derived from the content) and counts totals.
 *    Any problem (or an unknown donor code) → AidImportValidationError, nothing written.
 * 2. Compares the keys with the dataset's records (added / updated / unchanged / removed).
 * 3. Pass 2 streams the file again and writes the added and updated rows, all in
 *    one transaction that bumps the data version and records an ImportRun.
 */
async function importIntoDataset(run: ImportRun, dataset: DatasetRow | null): Promise<ImportAidCsvResult> {
  const { conn, datasetId, mode, progress } = run;
  const check = new FileCheck();
  const scan = await scanAidCsv(run.file, {
    problems: check.problems,
    hash: true,
    onProgress: (p) => progress({ phase: "validate", ...p }),
    onRow: (line, row) => void check.visit(line, row),
  });
  check.assertValid(scan, await findKnownDonors(conn.reader, [...check.donorFirstLine.keys()]));
  const keys = check.keys;
  const compare = async (r: SqlRunner) => {
    await forEachRecord(r, datasetId, (key, content) => keys.compareExisting(key, content));
    progress({ phase: "compare", rows: scan.rows, bytes: 0, totalBytes: scan.bytes });
    return summariseChange(keys.changeCounts(), mode);
  };
  const existingSources = await findSourcesByUrl(conn.reader, [...check.sources.keys()]);
  const newSources = [...check.sources.values()]
    .filter((s) => !existingSources.has(s.url))
    .map((s) => ({ ...s, id: sourceIdFor({ ...s, title: s.title ?? s.url }) }));
  const sourceIdOf = new Map<string, string>([...existingSources, ...newSources.map((s) => [s.url, s.id] as const)]);
  const datasetName = run.name ?? dataset?.name ?? datasetId;
  const renames = !!dataset && dataset.name !== datasetName;
  const result = (outcome: ImportAidCsvResult["outcome"], change: ChangeSummary, importRunId: string | null, recordCount: number) =>
    resultOf(run, {
      outcome,
      change,
      importRunId,
      recordCount,
      created: !dataset && outcome !== "unchanged",
      datasetName,
      scan,
      check,
      newSources: newSources.length,
    });
  const afterCount = (c: ChangeSummary) => c.added + c.updated + c.unchanged + c.kept;

  if (run.dryRun) {
    const change = await compare(conn.reader);
    return result("dry-run", change, null, afterCount(change));
  }

  const importRunId = newImportRunId(run.started);
  return conn.write(async (tx) => {
    const change = await compare(tx);
    const writes = !dataset || renames || changesRecords(change);
    const stamp = run.now();
    if (!dataset || renames) {
      await upsertDataset(tx, { id: datasetId, name: datasetName, description: `Imported from ${run.fileLabel} with import:aid.`, now: stamp });
    }
    if (writes) {
      await insertSources(tx, newSources, stamp);
      if (mode === "replace" && changesRecords(change)) await deleteAllRecords(tx, datasetId);
      if (changesRecords(change)) {
        // Every record of the dataset is written now (--replace, or nothing kept):
        // the source rollup is collected on the way instead of rebuilt from the links.
        const whole = mode === "replace" || (change.unchanged === 0 && change.kept === 0);
        const written = await writeRows(tx, { file: run.file, datasetId, keys, mode, sourceIdOf, now: stamp, onProgress: progress, whole });
        progress({ phase: "rollup", rows: 0, bytes: 0, totalBytes: 0 });
        await writeRollup(tx, datasetId, written);
        progress({ phase: "rollup", rows: 0, bytes: 0, totalBytes: 0, done: true });
      }
    }
    const recordCount = await countRecords(tx, datasetId);
    const outcome = writes ? "imported" : "unchanged";
    await recordRun(tx, run, { id: importRunId, scan, recordCount, outcome, datasetName, change, check, sourceId: sourceIdOf.get(check.firstSourceUrl!)! });
    return result(outcome, change, importRunId, recordCount);
  });
}

/** What pass 2 wrote, for the rollup: the whole dataset's rollup, or the (measure, month) slices it touched. */
type Written = { rollup: RollupCollector } | { slices: Map<string, { measure: string; periodMonth: number }> };

/**
 * Writes rows in batches and notes what the rollup needs: with `whole` (every
 * record of the dataset is written) it collects the rollup itself, else the
 * (measure, month) slices it touched, including those of replaced rows.
 */
class RowWriter {
  private batch: RecordToWrite[] = [];
  private updatedKeys: string[] = [];
  private readonly written: Written;
  private readonly days = new Map<string, { periodMonth: number; value: unknown }>();

  constructor(
    private readonly tx: SqlRunner,
    private readonly o: { datasetId: string; mode: ImportMode; now: Date; whole: boolean },
  ) {
    this.written = o.whole ? { rollup: new RollupCollector() } : { slices: new Map() };
  }

  /** Queues a row (`updated`: it replaces the dataset's record with the same key); a promise when a batch is written. */
  add(key: string, r: AidCsvRecord, sourceIds: string[], updated = false): Promise<void> | undefined {
    if (updated) this.updatedKeys.push(key);
    const day = this.dayOf(r.date);
    if ("rollup" in this.written) {
      this.written.rollup.add(
        {
          measure: r.measure,
          periodMonth: day.periodMonth,
          donorCode: r.donorCode,
          category: r.category,
          currency: r.currency,
          granularity: r.granularity,
          day: r.date,
          date: day.value,
          subcategory: r.subcategory,
          amount: r.amount,
        },
        sourceIds,
      );
    } else this.addSlice(r.measure, day.periodMonth);
    this.batch.push({ key, record: r, sourceIds });
    return this.batch.length >= WRITE_BATCH ? this.flush() : undefined;
  }

  /** Writes what is queued; what the rollup needs. */
  async finish(): Promise<Written> {
    if (this.batch.length) await this.flush();
    return this.written;
  }

  private addSlice(measure: string, periodMonth: number) {
    if ("slices" in this.written) this.written.slices.set(`${measure}|${periodMonth}`, { measure, periodMonth });
  }

  private dayOf(iso: string) {
    let d = this.days.get(iso);
    if (!d) {
      const date = dateFromIso(iso);
      d = { periodMonth: periodMonthOf(date), value: this.tx.dateParam(date) };
      if (this.days.size < 10_000) this.days.set(iso, d);
    }
    return d;
  }

  private async flush() {
    const { batch, updatedKeys } = this;
    this.batch = [];
    this.updatedKeys = [];
    if (updatedKeys.length) {
      // The old versions' cells change too.
      for (const s of await slicesOfKeys(this.tx, this.o.datasetId, updatedKeys)) this.addSlice(s.measure, s.periodMonth);
      await deleteRecordsByKey(this.tx, this.o.datasetId, updatedKeys);
    }
    await insertRecords(this.tx, this.o.datasetId, batch, this.o.now);
  }
}

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
  const writer = new RowWriter(tx, o);
  const problems = new ProblemList();
  await scanAidCsv(o.file, {
    problems,
    onProgress: (p) => o.onProgress({ phase: "write", ...p }),
    onRow: (line, row) => {
      // Pass 1 accepted every row; a row that now fails means the file changed in between.
      if (!row.ok) throw new AppError("CONFLICT", `The file changed during the import (line ${line}); nothing was written`);
      const r = row.record;
      const { key, change } = r.externalKey !== null ? { key: r.externalKey, change: o.keys.takeExplicit(r.externalKey) } : o.keys.takeDerived(contentOf(r));
      // After --replace deleted the dataset's records, every row is written.
      if (o.mode === "merge" && change === "unchanged") return;
      return writer.add(
        key,
        r,
        r.sources.map((s) => o.sourceIdOf.get(s.url)!),
        o.mode === "merge" && change === "updated",
      );
    },
  });
  if (!problems.ok) throw new AppError("CONFLICT", "The file changed during the import; nothing was written");
  return writer.finish();
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
