import { IssueList, readCsv } from "@/lib/import/kiel/csv";
import type { ParseResult } from "@/lib/import/kiel/parse-data-explorer";
import { isIsoDay } from "@/lib/dates/iso-day";

export const RELEASE_INFO_REQUIRED = ["release", "period"] as const;

/** release_info.csv: the release number, the data period (MM/YYYY), the publication date and label. */
export interface ReleaseInfo {
  release: string;
  period: { year: number; month: number };
  /** YYYY-MM-DD, or null when the file does not give it. */
  publishedAt: string | null;
  /** The file's label, or one built from the release number and period. */
  label: string;
}

/** The project's one ISO-date rule (lib/dates/iso-day), under the name this module's callers use. */
export const isIsoDate = (s: string): boolean => isIsoDay(s);

export function formatPeriod(p: { year: number; month: number }): string {
  return `${String(p.month).padStart(2, "0")}/${p.year}`;
}

/** Parses release_info.csv (pure). Exactly one data row is expected. */
export function parseReleaseInfo(text: string, file = "release_info.csv"): ParseResult<ReleaseInfo> {
  const issues = new IssueList(file);
  const table = readCsv(text, issues, RELEASE_INFO_REQUIRED);
  if (!table) return { ok: false, issues: issues.items, issueCount: issues.count };
  if (table.rows.length !== 1) {
    issues.add(table.rows[1]?.line ?? 2, "", `expected exactly one release row, found ${table.rows.length}`);
    return { ok: false, issues: issues.items, issueCount: issues.count };
  }
  const row = table.rows[0];
  const release = row.get("release")?.trim() ?? "";
  if (!/^\d{1,4}$/.test(release)) issues.add(row.line, "release", `"release" must be a release number, got "${release}"`);
  const periodRaw = row.get("period")?.trim() ?? "";
  const m = /^(\d{1,2})\/(\d{4})$/.exec(periodRaw);
  const period = m ? { month: Number(m[1]), year: Number(m[2]) } : null;
  if (!period || period.month < 1 || period.month > 12) {
    issues.add(row.line, "period", `"period" must be a month as MM/YYYY, got "${periodRaw}"`);
  }
  const dateRaw = row.get("date")?.trim() ?? "";
  if (dateRaw !== "" && !isIsoDate(dateRaw)) issues.add(row.line, "date", `"date" must be a date as YYYY-MM-DD, got "${dateRaw}"`);
  if (issues.count > 0) return { ok: false, issues: issues.items, issueCount: issues.count };
  const label = row.get("label")?.trim() || `Ukraine Support Tracker, Release ${release} (${formatPeriod(period!)})`;
  return { ok: true, value: { release, period: period!, publishedAt: dateRaw || null, label } };
}
