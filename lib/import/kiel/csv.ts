import { parse } from "csv-parse/sync";

/** A problem in an input file: 1-based line as in the file (header = line 1) and the column it concerns. */
export interface KielIssue {
  file: string;
  line: number;
  column: string;
  message: string;
}

/** At most this many issues are kept; the total is still counted. */
export const MAX_ISSUES = 20;

export class IssueList {
  readonly items: KielIssue[] = [];
  count = 0;
  constructor(readonly file: string) {}
  add(line: number, column: string, message: string): void {
    this.count++;
    if (this.items.length < MAX_ISSUES) this.items.push({ file: this.file, line, column, message });
  }
  get full(): boolean {
    return this.items.length >= MAX_ISSUES;
  }
}

export interface CsvRow {
  line: number;
  get: (column: string) => string | undefined;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/**
 * A structural CSV error in words, without the parser's internals. A quote
 * left open is what a file cut off in the middle of a quoted field looks like.
 */
export function describeCsvError(code: string | undefined, line: number): string {
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return `a quoted field opened on or before line ${line} is never closed: the file looks cut off (truncated) or has a stray quote`;
    case "CSV_INVALID_CLOSING_QUOTE":
      return `a quoted field is not closed where it should be (a stray or missing quote on line ${line})`;
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return `unexpected text after a closing quote on line ${line}`;
    default:
      return `not a readable CSV file (error at line ${line})`;
  }
}

/**
 * Parses CSV text into a header (lower-cased, trimmed names) and rows that know
 * their line in the file. Structural problems (unclosed quotes, a row with the
 * wrong number of fields, duplicate or missing columns) are added to `issues`.
 */
export function readCsv(text: string, issues: IssueList, required: readonly string[]): CsvTable | null {
  const normalised = text.replace(/\r\n?/g, "\n");
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(normalised, {
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as { code?: string; lines?: number };
    const line = err.lines ?? 1;
    issues.add(line, "", describeCsvError(err.code, line));
    return null;
  }
  if (parsed.length === 0) {
    issues.add(1, "", "the file is empty (no header row)");
    return null;
  }
  const startLine = (r: { record: string[]; info: { lines: number } }) => r.info.lines - r.record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);

  const header = parsed[0].record.map((h) => h.trim().toLowerCase());
  const headerLine = startLine(parsed[0]);
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (h === "") return;
    if (index.has(h)) issues.add(headerLine, h, `column "${h}" appears more than once in the header`);
    else index.set(h, i);
  });
  const missing = required.filter((c) => !index.has(c));
  for (const c of missing) {
    issues.add(headerLine, c, `missing required column "${c}" (header has: ${header.filter(Boolean).join(", ")})`);
  }
  if (missing.length) return null;

  const rows: CsvRow[] = [];
  for (const r of parsed.slice(1)) {
    const line = startLine(r);
    if (r.record.length !== header.length) {
      issues.add(
        line,
        "",
        `expected ${header.length} fields as in the header, found ${r.record.length}${r.record.length < header.length ? " (the row is cut short: is the file truncated?)" : ""}`,
      );
      continue;
    }
    const values = r.record;
    rows.push({ line, get: (column) => (index.has(column) ? values[index.get(column)!] : undefined) });
  }
  return { header, rows };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const MISSING = new Set(["", "na", "n/a", "nan", "null"]);

/** True for the spellings a missing value takes in these files (empty, NA). */
export function isMissing(raw: string | undefined): boolean {
  return raw === undefined || MISSING.has(raw.trim().toLowerCase());
}

/** A non-negative finite decimal, or an issue. `optional` accepts a missing value as null. */
export function readAmount(
  row: CsvRow,
  column: string,
  issues: IssueList,
  opts: { optional?: boolean; allowNegative?: boolean } = {},
): number | null | undefined {
  const raw = row.get(column);
  if (isMissing(raw)) {
    if (opts.optional) return null;
    issues.add(row.line, column, `missing value for "${column}"`);
    return undefined;
  }
  const s = raw!.trim();
  if (!NUMBER.test(s) || !Number.isFinite(Number(s))) {
    issues.add(row.line, column, `"${column}" must be a number, got "${s}"`);
    return undefined;
  }
  const n = Number(s);
  if (n < 0 && !opts.allowNegative) {
    issues.add(row.line, column, `"${column}" must not be negative, got ${s}`);
    return undefined;
  }
  return n === 0 ? 0 : n; // no -0
}

/** An integer within [min, max], or an issue. */
export function readInteger(row: CsvRow, column: string, issues: IssueList, min: number, max: number): number | undefined {
  const raw = row.get(column)?.trim() ?? "";
  if (!/^[+-]?\d+$/.test(raw)) {
    issues.add(row.line, column, `"${column}" must be a whole number, got "${raw}"`);
    return undefined;
  }
  const n = Number(raw);
  if (n < min || n > max) {
    issues.add(row.line, column, `"${column}" must be between ${min} and ${max}, got ${n}`);
    return undefined;
  }
  return n;
}

/** A non-empty text value, or an issue. */
export function readText(row: CsvRow, column: string, issues: IssueList): string | undefined {
  const raw = row.get(column)?.trim() ?? "";
  if (raw === "") {
    issues.add(row.line, column, `missing value for "${column}"`);
    return undefined;
  }
  return raw;
}
