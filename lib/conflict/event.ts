import type { ConflictFormat } from "./codebook";

/** One event as parsed from either export: what ConflictEvent stores. */
export interface ConflictEventInput {
  sourceEventId: string;
  day: string;
  dayEnd: string;
  datePrecision: number;
  precise: boolean;
  country: string;
  admin1: string;
  admin2: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  geoPrecision: number | null;
  eventType: string;
  subEventType: string;
  actor1: string;
  actor2: string | null;
  fatalities: number;
  notes: string | null;
  source: string | null;
  isStrike: boolean;
  isBattle: boolean;
  isCrossBorder: boolean;
}

export interface CellIssue {
  column: string;
  message: string;
}

export type ParsedEvent = { ok: true; event: ConflictEventInput } | { ok: false; issues: CellIssue[] };

/** Parses one data row given as column → cell text (a missing optional column is undefined). */
export type RowParser = (cells: Record<string, string | undefined>) => ParsedEvent;

export interface FormatSpec {
  format: ConflictFormat;
  required: readonly string[];
  optional: readonly string[];
  parse: RowParser;
}

/** Field readers that collect issues instead of throwing, so a row reports all its problems at once. */
export class CellReader {
  readonly issues: CellIssue[] = [];
  constructor(private readonly cells: Record<string, string | undefined>) {}

  text(column: string, max = 500): string {
    const v = (this.cells[column] ?? "").trim();
    if (!v) this.issues.push({ column, message: "is empty" });
    else if (v.length > max) this.issues.push({ column, message: `longer than ${max} characters` });
    return v;
  }

  optionalText(column: string, max = 20_000): string | null {
    const v = (this.cells[column] ?? "").trim();
    if (!v) return null;
    if (v.length > max) {
      this.issues.push({ column, message: `longer than ${max} characters` });
      return null;
    }
    return v;
  }

  int(column: string, allowed?: readonly number[], min = 0): number {
    const raw = (this.cells[column] ?? "").trim();
    const n = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(n) || n < min) {
      this.issues.push({ column, message: raw ? `"${raw.slice(0, 40)}" is not a whole number${min === 0 ? " ≥ 0" : ""}` : "is empty" });
      return 0;
    }
    if (allowed && !allowed.includes(n)) {
      this.issues.push({ column, message: `${n} is not one of the codebook's values (${allowed.join(", ")})` });
      return 0;
    }
    return n;
  }

  optionalInt(column: string, allowed?: readonly number[]): number | null {
    const raw = (this.cells[column] ?? "").trim();
    if (!raw) return null;
    return this.int(column, allowed);
  }

  coordinate(column: string, limit: number): number | null {
    const raw = (this.cells[column] ?? "").trim();
    if (!raw) return null;
    const n = Number(raw);
    if (!Number.isFinite(n) || Math.abs(n) > limit) {
      this.issues.push({ column, message: `"${raw.slice(0, 40)}" is not a coordinate within ±${limit}` });
      return null;
    }
    return n;
  }
}
