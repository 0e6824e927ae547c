import { createHash } from "node:crypto";
import { restoreCsvCell } from "@/lib/export/csv-safe";
import fs from "node:fs";
import { CsvError, parse } from "csv-parse";
import { AID_CSV_COLUMNS, REQUIRED_COLUMNS, type AidCsvColumn } from "@/lib/import/aid/format";
import { AidCsvRowValidator, type ParsedRow } from "@/lib/import/aid/row-schema";
import type { ProblemList } from "@/lib/import/aid/problems";

export interface ScanProgress {
  rows: number;
  /** Bytes read so far (the reader runs a little ahead of the rows). */
  bytes: number;
  totalBytes: number;
  /** The last report of the pass. */
  done?: boolean;
}

export interface ScanOptions {
  /** Header and structural problems go here; row problems are the visitor's. */
  problems: ProblemList;
  /** Called with each data row (line = the row's first line in the file). May be async. */
  onRow: (line: number, row: ParsedRow) => void | Promise<void>;
  onProgress?: (p: ScanProgress) => void;
  /** Compute the sha256 of the file's bytes on the way. */
  hash?: boolean;
}

export interface ScanResult {
  rows: number;
  bytes: number;
  sha256: string | null;
  /** False when the header or the CSV structure is unreadable: no row was visited after that. */
  readable: boolean;
}

/**
 * Streams an aid CSV once: checks the header, then validates each row and
 * hands it to `onRow`. Memory stays flat whatever the file's size.
 */
export async function scanAidCsv(file: string, options: ScanOptions): Promise<ScanResult> {
  const { problems } = options;
  const totalBytes = fs.statSync(file).size;
  const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const hash = options.hash ? createHash("sha256") : null;
  if (hash) input.on("data", (chunk) => hash.update(chunk));
  // Empty lines come through as [""] and are skipped below, so that the line
  // count stays exact without csv-parse's per-record info objects.
  const parser = input.pipe(parse({ bom: true, relax_column_count: true }));
  let index: Map<AidCsvColumn, number> | null = null;
  let width = 0;
  let rows = 0;
  let readable = true;
  let nextLine = 1;
  const validator = new AidCsvRowValidator();
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const line = nextLine;
      nextLine++;
      // A quoted field can span lines.
      for (const f of record) if (f.includes("\n")) nextLine += f.split("\n").length - 1;
      if (record.length === 1 && record[0].trim() === "") continue;
      if (!index) {
        index = readHeader(record, line, problems);
        width = record.length;
        if (!index) {
          readable = false;
          break;
        }
        continue;
      }
      rows++;
      if (record.length !== width) {
        problems.add(line, "", `expected ${width} fields as in the header, found ${record.length}`);
        const pending = options.onRow(line, { ok: false, issues: [] });
        if (pending) await pending;
        continue;
      }
      const cells: Partial<Record<AidCsvColumn, string>> = {};
      // Our exports neutralise formula-like text with a leading apostrophe; it is not part of the value.
      for (const [col, i] of index) cells[col] = restoreCsvCell(record[i]);
      // Awaited only when the visitor returns a promise (a batch to write): a
      // microtask per row is measurable over a million rows.
      const pending = options.onRow(line, validator.parse(cells));
      if (pending) await pending;
      if (options.onProgress && (rows & 4095) === 0) options.onProgress({ rows, bytes: Math.min(input.bytesRead, totalBytes - 1), totalBytes });
    }
  } catch (e) {
    const err = e as { lines?: number; message?: string; code?: string };
    // Every parser error is a problem of the file (some codes, e.g. INVALID_OPENING_QUOTE, lack the CSV_ prefix).
    if (!(e instanceof CsvError) && !err.code?.startsWith("CSV_")) throw e;
    problems.add(err.lines ?? 1, "", `not a readable CSV file: ${err.message ?? String(e)}`);
    readable = false;
  } finally {
    input.destroy();
  }
  if (readable && !index) {
    problems.add(1, "", "the file is empty (no header row)");
    readable = false;
  }
  options.onProgress?.({ rows, bytes: totalBytes, totalBytes, done: true });
  return { rows, bytes: totalBytes, sha256: hash && readable ? hash.digest("hex") : null, readable };
}

function readHeader(record: string[], line: number, problems: ProblemList): Map<AidCsvColumn, number> | null {
  const header = record.map((h) => h.trim().toLowerCase());
  const index = new Map<AidCsvColumn, number>();
  const seen = new Set<string>();
  let ok = true;
  header.forEach((h, i) => {
    if (h === "") return;
    if (seen.has(h)) {
      problems.add(line, h, `column "${h}" appears more than once in the header`);
      ok = false;
    }
    seen.add(h);
    if ((AID_CSV_COLUMNS as readonly string[]).includes(h)) index.set(h as AidCsvColumn, i);
  });
  for (const c of REQUIRED_COLUMNS) {
    if (!index.has(c)) {
      problems.add(line, c, `missing required column "${c}" (header has: ${header.filter(Boolean).join(", ") || "nothing"})`);
      ok = false;
    }
  }
  return ok ? index : null;
}
