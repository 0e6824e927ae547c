import { stringify } from "csv-stringify/sync";
import { CSV_SAFE_CAST } from "./csv-safe";
import type { SourceDto } from "@/lib/sources/dto";
import { distinctSources } from "@/lib/sources/dto";
import { PROVENANCE_COLUMNS, type CsvRow } from "./chart-csv";

/**
 * Like chartCsv, but each row names its own sources: for charts whose marks
 * each rest on their own documents (an event, a deployment report), where
 * repeating every source of the chart on every row would bury the one that
 * matters (and make a daily series' file tens of megabytes).
 */
export function rowSourcedCsv({
  columns,
  rows,
  selection,
  dataset,
  asOf,
}: {
  columns: string[];
  /** Each row's values by column, and the documents behind that row. */
  rows: { values: CsvRow; sources: SourceDto[] }[];
  selection: string;
  dataset?: string | null;
  asOf?: string | null;
}): string {
  return stringify(
    rows.map((r) => {
      const sources = distinctSources(r.sources);
      return {
        ...Object.fromEntries(columns.map((c) => [c, r.values[c] ?? ""])),
        selection,
        dataset: dataset ?? "",
        data_as_of: asOf ?? "",
        source_publishers: sources.map((s) => s.publisher).join(" | "),
        source_titles: sources.map((s) => s.title).join(" | "),
        source_urls: sources.map((s) => s.url).join(" | "),
      };
    }),
    { header: true, columns: [...columns, ...PROVENANCE_COLUMNS], cast: CSV_SAFE_CAST },
  );
}
