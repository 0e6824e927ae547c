import { createHash } from "node:crypto";
import fs from "node:fs";
import { CsvError, parse } from "csv-parse";
import type { ProblemList } from "@/lib/import/aid/problems";
import type { FormatSpec, ParsedEvent } from "./event";

export interface ConflictScanProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
  done?: boolean;
}

export interface ConflictScanResult {
  rows: number;
  bytes: number;
  sha256: string | null;
  readable: boolean;
}

/**
 * Streams a conflict export once (csv-parse, 1 MiB reads): checks the header
 * against the format's required columns, then parses each row and hands it to
 * `onRow` with its first line in the file (quoted notes may span lines).
 * Memory stays flat whatever the size of the file.
 */
export async function scanConflictCsv(
  file: string,
  spec: FormatSpec,
  o: {
    problems: ProblemList;
    onRow: (line: number, row: ParsedEvent) => void | Promise<void>;
    onProgress?: (p: ConflictScanProgress) => void;
  },
): Promise<ConflictScanResult> {
  const totalBytes = fs.statSync(file).size;
  const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const hash = createHash("sha256");
  input.on("data", (chunk) => hash.update(chunk));
  const parser = input.pipe(parse({ bom: true, relax_column_count: true }));
  const known = new Set<string>([...spec.required, ...spec.optional]);
  let columns: [string, number][] | null = null;
  let width = 0;
  let rows = 0;
  let readable = true;
  let nextLine = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const line = nextLine;
      nextLine++;
      for (const f of record) if (f.includes("\n")) nextLine += f.split("\n").length - 1;
      if (record.length === 1 && record[0].trim() === "") continue;
      if (!columns) {
        columns = readHeader(record, line, spec, known, o.problems);
        width = record.length;
        if (!columns) {
          readable = false;
          break;
        }
        continue;
      }
      rows++;
      if (record.length !== width) {
        o.problems.add(line, "", `expected ${width} fields as in the header, found ${record.length}`);
        continue;
      }
      const cells: Record<string, string> = {};
      for (const [name, i] of columns) cells[name] = record[i];
      const pending = o.onRow(line, spec.parse(cells));
      if (pending) await pending;
      if (o.onProgress && (rows & 8191) === 0) o.onProgress({ rows, bytes: Math.min(input.bytesRead, totalBytes - 1), totalBytes });
    }
  } catch (e) {
    const err = e as { lines?: number; message?: string; code?: string };
    if (!(e instanceof CsvError) && !err.code?.startsWith("CSV_")) throw e;
    o.problems.add(err.lines ?? 1, "", `not a readable CSV file: ${err.message ?? String(e)}`);
    readable = false;
  } finally {
    input.destroy();
  }
  if (readable && !columns) {
    o.problems.add(1, "", "the file is empty (no header row)");
    readable = false;
  }
  if (readable && rows === 0) o.problems.add(2, "", "the file has a header but no data rows");
  o.onProgress?.({ rows, bytes: totalBytes, totalBytes, done: true });
  return { rows, bytes: totalBytes, sha256: readable ? hash.digest("hex") : null, readable };
}

function readHeader(record: string[], line: number, spec: FormatSpec, known: Set<string>, problems: ProblemList): [string, number][] | null {
  const header = record.map((h) => h.trim().toLowerCase());
  const seen = new Set<string>();
  const columns: [string, number][] = [];
  let ok = true;
  header.forEach((h, i) => {
    if (!h) return;
    if (seen.has(h)) {
      problems.add(line, h, `column "${h}" appears more than once in the header`);
      ok = false;
    }
    seen.add(h);
    if (known.has(h)) columns.push([h, i]);
  });
  for (const c of spec.required) {
    if (!seen.has(c)) {
      problems.add(line, c, `missing required column "${c}" of the ${spec.format.toUpperCase()} format`);
      ok = false;
    }
  }
  return ok ? columns : null;
}
