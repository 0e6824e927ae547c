import { createHash } from "node:crypto";
import { formatPeriod, type ReleaseInfo } from "@/lib/import/kiel/parse-release-info";
import { monthKey } from "@/lib/import/kiel/parse-data-explorer";

export const KIEL_DATASET_ID = "kiel-ust";
export const KIEL_PUBLISHER = "Kiel Institute for the World Economy";
export const KIEL_URL = "https://www.ifw-kiel.de/topics/war-against-ukraine/ukraine-support-tracker/";

/** What identifies and describes a release once flags and release_info.csv are combined. */
export interface ReleaseMeta {
  label: string;
  /** "29", or null when neither release_info.csv nor the label gives a number. */
  releaseNumber: string | null;
  sourceId: string;
  /** YYYY-MM-DD or null. */
  publishedAt: string | null;
  /** Last month of data, "04/2026". */
  period: string;
  /** Last day of the data period, YYYY-MM-DD. */
  asOf: string;
  /** True when the label was made up because none was given. */
  labelDerived: boolean;
}

export interface ReleaseMetaInput {
  releaseInfo: ReleaseInfo | null;
  /** --release / form field `release`: overrides release_info.csv's label. */
  label?: string | null;
  /** --published / form field `published` (YYYY-MM-DD, already validated): overrides release_info.csv's date. */
  published?: string | null;
  dataFileName: string;
  lastDataMonth: { year: number; month: number };
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/, "");
}

export function kielSourceId(releaseNumber: string | null, label: string): string {
  const n = releaseNumber ?? /release\s+(\d+)/i.exec(label)?.[1] ?? null;
  if (n) return `src-kiel-ust-r${Number(n)}`;
  return `src-kiel-ust-${slug(label) || createHash("sha256").update(label).digest("hex").slice(0, 12)}`;
}

function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** Combines flags, release_info.csv and the data into the release's identity (pure). */
export function resolveReleaseMeta(input: ReleaseMetaInput): { meta: ReleaseMeta; warnings: string[] } {
  const warnings: string[] = [];
  const info = input.releaseInfo;
  const period = info?.period ?? input.lastDataMonth;
  if (!info) {
    warnings.push(`no release_info.csv: data period taken from the last month in the file (${formatPeriod(period)})`);
  } else if (monthKey(input.lastDataMonth.year, input.lastDataMonth.month) > monthKey(period.year, period.month)) {
    warnings.push(`the data runs to ${formatPeriod(input.lastDataMonth)}, after the release period ${formatPeriod(period)} of release_info.csv`);
  }
  const flagLabel = input.label?.trim() || null;
  let label = flagLabel ?? info?.label ?? null;
  let labelDerived = false;
  if (!label) {
    label = `Kiel UST (file ${input.dataFileName}, data through ${formatPeriod(period)})`;
    labelDerived = true;
    warnings.push(`no release label given (no release_info.csv, no --release): using "${label}"`);
  }
  const publishedAt = input.published?.trim() || info?.publishedAt || null;
  if (!publishedAt) warnings.push("no publication date given (no release_info.csv date, no --published): the source has none");
  const releaseNumber = info?.release ?? null;
  return {
    meta: {
      label,
      releaseNumber,
      sourceId: kielSourceId(releaseNumber, label),
      publishedAt,
      period: formatPeriod(period),
      asOf: lastDayOfMonth(period.year, period.month),
      labelDerived,
    },
    warnings,
  };
}
