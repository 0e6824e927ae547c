import { IssueList, readAmount, readCsv, readInteger, readText, type KielIssue } from "@/lib/import/kiel/csv";

/** Columns every release of data_explorer.csv has; `commitments` and `to_be_allocated` came later. */
export const DATA_EXPLORER_REQUIRED = ["country", "iso", "year", "month", "total", "financial", "humanitarian", "military"] as const;

/**
 * `total` must equal financial + humanitarian + military up to rounding. The file
 * gives amounts to 1e-6 bn, so three rounded parts differ from a rounded total by
 * at most 1.5e-6; 1e-5 bn (EUR 10,000) leaves room without hiding real errors.
 */
export const TOTAL_TOLERANCE_BN = 1e-5;

/** One donor × month of data_explorer.csv. Amounts in bn EUR, as in the file. */
export interface KielRow {
  line: number;
  country: string;
  iso: string;
  year: number;
  month: number;
  total: number;
  financial: number;
  humanitarian: number;
  military: number;
  /** null when the file has no `commitments` column or the value is missing. */
  commitments: number | null;
  /** Kept for reference only; never added to anything. */
  toBeAllocated: number | null;
  /** Donor GDP, bn EUR; null when missing. */
  gdp: number | null;
}

export interface DataExplorer {
  rows: KielRow[];
  columns: string[];
  hasCommitments: boolean;
  hasToBeAllocated: boolean;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: KielIssue[]; issueCount: number };

export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** Parses and validates data_explorer.csv. Pure: text in, rows or every problem (up to MAX_ISSUES) out. */
export function parseDataExplorer(text: string, file = "data_explorer.csv"): ParseResult<DataExplorer> {
  const issues = new IssueList(file);
  const table = readCsv(text, issues, DATA_EXPLORER_REQUIRED);
  if (!table) return { ok: false, issues: issues.items, issueCount: issues.count };

  const hasCommitments = table.header.includes("commitments");
  const hasToBeAllocated = table.header.includes("to_be_allocated");
  const hasGdp = table.header.includes("gdp");
  const rows: KielRow[] = [];
  const seen = new Map<string, number>();

  for (const row of table.rows) {
    const before = issues.count;
    const country = readText(row, "country", issues);
    const isoRaw = readText(row, "iso", issues);
    let iso: string | undefined;
    if (isoRaw !== undefined) {
      if (/^[A-Za-z0-9]{2,5}$/.test(isoRaw)) iso = isoRaw.toUpperCase();
      else issues.add(row.line, "iso", `"iso" must be a 2–5 letter donor code (ISO3, or EU), got "${isoRaw}"`);
    }
    const year = readInteger(row, "year", issues, 1990, 2100);
    const month = readInteger(row, "month", issues, 1, 12);
    const total = readAmount(row, "total", issues);
    const financial = readAmount(row, "financial", issues);
    const humanitarian = readAmount(row, "humanitarian", issues);
    const military = readAmount(row, "military", issues);
    const commitments = hasCommitments ? readAmount(row, "commitments", issues, { optional: true }) : null;
    const toBeAllocated = hasToBeAllocated ? readAmount(row, "to_be_allocated", issues, { optional: true, allowNegative: true }) : null;
    const gdp = hasGdp ? readAmount(row, "gdp", issues, { optional: true }) : null;

    if (typeof total === "number" && typeof financial === "number" && typeof humanitarian === "number" && typeof military === "number") {
      const sum = financial + humanitarian + military;
      if (Math.abs(total - sum) > TOTAL_TOLERANCE_BN) {
        issues.add(
          row.line,
          "total",
          `"total" ${total} differs from financial + humanitarian + military = ${round(sum)} by ${round(total - sum)} bn EUR (tolerance ${TOTAL_TOLERANCE_BN})`,
        );
      }
    }
    if (iso !== undefined && year !== undefined && month !== undefined) {
      const key = `${iso}|${monthKey(year, month)}`;
      const first = seen.get(key);
      if (first !== undefined) {
        issues.add(row.line, "iso", `duplicate donor-month: ${iso} ${monthKey(year, month)} already appears on line ${first}`);
      } else {
        seen.set(key, row.line);
      }
    }
    if (issues.count > before) continue;
    rows.push({
      line: row.line,
      country: country!,
      iso: iso!,
      year: year!,
      month: month!,
      total: total!,
      financial: financial!,
      humanitarian: humanitarian!,
      military: military!,
      commitments: commitments ?? null,
      toBeAllocated: toBeAllocated ?? null,
      gdp: gdp ?? null,
    });
  }

  if (issues.count === 0 && table.rows.length === 0) issues.add(2, "", "the file has a header but no data rows");
  if (issues.count > 0) return { ok: false, issues: issues.items, issueCount: issues.count };
  return { ok: true, value: { rows, columns: table.header, hasCommitments, hasToBeAllocated } };
}

function round(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}
