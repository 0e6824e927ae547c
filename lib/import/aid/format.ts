/**
 * The aid CSV format: what `GET /api/aid/records?format=csv` writes and
 * `import:aid` reads. One definition, used by both sides.
 */

/** Columns every file must have. */
export const REQUIRED_COLUMNS = ["date", "donor_code", "category", "measure", "amount", "currency", "source_urls", "source_publishers"] as const;
/** Columns read when present; any other column (donor_name, value, fx_rate, dataset, …) is ignored. */
export const OPTIONAL_COLUMNS = ["subcategory", "granularity", "source_titles", "notes", "external_key"] as const;
export type AidCsvColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
export const AID_CSV_COLUMNS: readonly AidCsvColumn[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

/**
 * A record with several sources lists them in one cell each of source_urls,
 * source_publishers and source_titles, joined by this separator and matched by
 * position (the 2nd URL goes with the 2nd publisher and the 2nd title).
 */
export const SOURCE_SEPARATOR = " | ";

export function joinSourceField(values: readonly string[]): string {
  return values.join(SOURCE_SEPARATOR);
}

/** Splits a source cell; an empty cell is an empty list. Whitespace around each part is dropped. */
export function splitSourceField(cell: string): string[] {
  const s = cell.trim();
  if (s === "") return [];
  return s.split(SOURCE_SEPARATOR.trim()).map((p) => p.trim());
}
