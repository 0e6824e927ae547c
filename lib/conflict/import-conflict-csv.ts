import path from "node:path";
import type { Db } from "@/lib/db";
import { AppError, type ErrorIssue } from "@/lib/errors";
import { formatProblem, ProblemList, type AidCsvProblem } from "@/lib/import/aid/problems";
import { openSqlConnection } from "@/lib/import/aid/sql-runner";
import { DATASET_TERMS, type ConflictFormat } from "./codebook";
import type { ConflictEventInput } from "./event";
import { FORMAT_SPECS } from "./formats";
import { scanConflictCsv, type ConflictScanProgress } from "./read-conflict-csv";
import {
  countChange,
  countEvents,
  createStage,
  dropStage,
  findConflictDataset,
  insertStage,
  DailyCells,
  deleteCovered,
  insertDailyCells,
  insertStagedEvents,
  rebuildDayTotals,
  rebuildKeptDaily,
  stageBatchSize,
  upsertConflictDataset,
  type Coverage,
} from "./conflict-store";

export interface ConflictImportProgress extends ConflictScanProgress {
  /** "read": parse, validate and stage; "replace": swap the covered events; "aggregate": rebuild the daily sums. */
  phase: "read" | "replace" | "aggregate";
}

export interface ImportConflictCsvOptions {
  file: string;
  format: ConflictFormat;
  fileLabel?: string;
  dryRun?: boolean;
  onProgress?: (p: ConflictImportProgress) => void;
  now?: () => Date;
}

export interface ImportConflictCsvResult {
  outcome: "imported" | "unchanged" | "dry-run";
  dryRun: boolean;
  format: ConflictFormat;
  datasetId: string;
  citation: string;
  licence: string;
  file: string;
  fileHash: string;
  rowsRead: number;
  /** What the export covers: its date range for the countries in it. */
  coverage: Coverage;
  change: {
    /** Events whose id the dataset did not hold. */
    added: number;
    /** Events whose id the dataset held: replaced by the export's version. */
    revised: number;
    /** Stored events in the covered range that the export no longer lists. */
    removed: number;
  };
  totals: { events: number; fatalities: number; impreciseDates: number; multiDay: number };
  /** Events the dataset holds after the import (on a dry run: would hold). */
  eventCount: number;
  durationMs: number;
}

export class ConflictImportValidationError extends AppError {
  constructor(
    readonly problems: AidCsvProblem[],
    readonly problemCount: number,
  ) {
    const shown = problems.slice(0, 5).map(formatProblem).join("; ");
    const more = problemCount > 5 ? ` (and ${problemCount - 5} more)` : "";
    const issues: ErrorIssue[] = problems.map((p) => ({ path: [p.line, p.column], message: formatProblem(p) }));
    super("BAD_REQUEST", `Invalid conflict-event CSV: ${problemCount} problem${problemCount === 1 ? "" : "s"}: ${shown}${more}`, issues);
    this.name = "ConflictImportValidationError";
  }
}

/** Thrown inside the transaction to roll it back (dry run, unchanged file); never leaves this module. */
class Rollback {
  constructor(readonly result: ImportConflictCsvResult) {}
}

/**
 * Imports an ACLED or UCDP GED export into its dataset, in one transaction:
 * 1. streams the file once, validating every row and staging it in a temporary
 *    table (duplicate ids and any invalid cell → ConflictImportValidationError,
 *    the transaction is rolled back, nothing is written);
 * 2. replaces what the export covers (its date range × its countries, plus the
 *    ids it holds) with the staged events;
 * 3. rebuilds the dataset's daily sums and records citation, licence and file.
 * The same file again is "unchanged" and writes nothing; a dry run reports the
 * change and rolls back.
 */
export async function importConflictCsv(db: Db, url: string, o: ImportConflictCsvOptions): Promise<ImportConflictCsvResult> {
  const t0 = performance.now();
  const spec = FORMAT_SPECS[o.format];
  if (!spec) throw new AppError("BAD_REQUEST", `Unknown format "${o.format}": acled or ucdp`, [{ path: ["format"], message: "must be acled or ucdp" }]);
  const terms = DATASET_TERMS[o.format];
  const datasetId = o.format;
  const fileLabel = o.fileLabel ?? path.basename(o.file);
  const progress = o.onProgress ?? (() => {});
  const now = o.now ?? (() => new Date());

  const conn = openSqlConnection(db, url);
  try {
    // The stage of a million events must not live in memory (openSqlConnection's default for its own temp data).
    if (conn.dialect === "sqlite") {
      await conn.reader.exec("PRAGMA temp_store = FILE");
      // A million events go into three indexes in unrelated key orders: a page cache
      // that holds them saves most page re-reads (measured: the import's slowest part).
      // 64 MB: at a million events 160 MB took the import past its 600 MB budget (644 MB measured).
      await conn.reader.exec("PRAGMA cache_size = -65536");
    }
    return await conn.write(async (tx) => {
      await createStage(tx);
      const problems = new ProblemList();
      const ids = new Set<string>();
      const countries = new Set<string>();
      let from = "9999-12-31";
      let to = "0000-01-01";
      const totals = { events: 0, fatalities: 0, impreciseDates: 0, multiDay: 0 };
      const cells = new DailyCells();
      const size = stageBatchSize(tx);
      let batch: ConflictEventInput[] = [];
      const scan = await scanConflictCsv(o.file, spec, {
        problems,
        onProgress: (p) => progress({ phase: "read", ...p }),
        onRow: (line, row) => {
          if (!row.ok) {
            for (const i of row.issues) problems.add(line, i.column, i.message);
            return;
          }
          const e = row.event;
          if (ids.has(e.sourceEventId)) {
            problems.add(line, spec.required[0], `event id "${e.sourceEventId}" appears more than once in the file`);
            return;
          }
          ids.add(e.sourceEventId);
          if (!problems.ok) return; // the file is rejected: stop staging, keep validating
          countries.add(e.country);
          if (e.day < from) from = e.day;
          if (e.dayEnd > to) to = e.dayEnd;
          totals.events++;
          totals.fatalities += e.fatalities;
          if (!e.precise) totals.impreciseDates++;
          if (e.dayEnd !== e.day) totals.multiDay++;
          cells.add(e);
          batch.push(e);
          if (batch.length >= size) {
            const rows = batch;
            batch = [];
            return insertStage(tx, rows);
          }
        },
      });
      if (!problems.ok) throw new ConflictImportValidationError(problems.items, problems.count);
      await insertStage(tx, batch);
      batch = [];
      const coverage: Coverage = { from, to, countries: [...countries].sort() };
      const existing = await findConflictDataset(tx, datasetId);
      const result = (outcome: ImportConflictCsvResult["outcome"], change: ImportConflictCsvResult["change"], eventCount: number): ImportConflictCsvResult => ({
        outcome,
        dryRun: !!o.dryRun,
        format: o.format,
        datasetId,
        citation: terms.citation,
        licence: terms.licence,
        file: fileLabel,
        fileHash: scan.sha256!,
        rowsRead: scan.rows,
        coverage,
        change,
        totals,
        eventCount,
        durationMs: Math.round(performance.now() - t0),
      });
      if (existing && existing.fileHash === scan.sha256 && !o.dryRun) {
        throw new Rollback(result("unchanged", { added: 0, revised: 0, removed: 0 }, existing.eventCount));
      }
      const { replaced, matched } = await countChange(tx, datasetId, coverage);
      const change = { added: totals.events - matched, revised: matched, removed: replaced - matched };
      const before = existing ? await countEvents(tx, datasetId) : 0;
      const after = before - replaced + totals.events;
      if (o.dryRun) throw new Rollback(result("dry-run", change, after));

      const row = {
        id: datasetId,
        format: o.format,
        name: terms.name,
        citation: terms.citation,
        licence: terms.licence,
        fileName: fileLabel,
        fileHash: scan.sha256!,
        importedAt: now(),
      };
      await upsertConflictDataset(tx, { ...row, eventCount: after });
      progress({ phase: "replace", rows: totals.events, bytes: 0, totalBytes: 0 });
      await deleteCovered(tx, datasetId, coverage);
      progress({ phase: "aggregate", rows: 0, bytes: 0, totalBytes: 0 });
      await rebuildKeptDaily(tx, datasetId);
      await insertDailyCells(tx, datasetId, cells);
      await rebuildDayTotals(tx, datasetId);
      progress({ phase: "replace", rows: totals.events, bytes: 0, totalBytes: 0 });
      await insertStagedEvents(tx, datasetId);
      await dropStage(tx);
      progress({ phase: "aggregate", rows: 0, bytes: 0, totalBytes: 0, done: true });
      return result("imported", change, after);
    });
  } catch (e) {
    if (e instanceof Rollback) return { ...e.result, durationMs: Math.round(performance.now() - t0) };
    throw e;
  } finally {
    if (conn.dialect === "sqlite") await conn.reader.exec(`DROP TABLE IF EXISTS temp.conflict_stage`).catch(() => {});
    await conn.close();
  }
}
