import { stringify } from "csv-stringify/sync";
import { CSV_SAFE_CAST } from "./csv-safe";
import type { SourceDto } from "@/lib/sources/dto";

export type CsvValue = string | number | boolean | null | undefined;
export type CsvRow = Record<string, CsvValue>;

export interface CsvProvenance {
  /** The filter summary line of the view. */
  selection: string;
  dataset?: string | null;
  asOf?: string | null;
  sources: SourceDto[];
}

export const PROVENANCE_COLUMNS = ["selection", "dataset", "data_as_of", "source_publishers", "source_titles", "source_urls"] as const;

/**
 * The data a chart shows, one row per mark, with where it comes from on every
 * row (as the records CSV does), so a row pasted elsewhere keeps its sources.
 */
export function chartCsv({ columns, rows, provenance }: { columns: string[]; rows: CsvRow[]; provenance: CsvProvenance }): string {
  const prov = {
    selection: provenance.selection,
    dataset: provenance.dataset ?? "",
    data_as_of: provenance.asOf ?? "",
    source_publishers: provenance.sources.map((s) => s.publisher).join(" | "),
    source_titles: provenance.sources.map((s) => s.title).join(" | "),
    source_urls: provenance.sources.map((s) => s.url).join(" | "),
  };
  return stringify(
    rows.map((r) => ({ ...Object.fromEntries(columns.map((c) => [c, r[c] ?? ""])), ...prov })),
    { header: true, columns: [...columns, ...PROVENANCE_COLUMNS], cast: CSV_SAFE_CAST },
  );
}
