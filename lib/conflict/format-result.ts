import type { ImportConflictCsvResult } from "./import-conflict-csv";

const n = (x: number) => x.toLocaleString("en-GB");

/** The import's report for a terminal (the JSON result has the same figures). */
export function formatConflictImportResult(r: ImportConflictCsvResult): string {
  const head = {
    imported: `Imported ${r.file} into the ${r.format.toUpperCase()} dataset.`,
    unchanged: `${r.file} is the file last imported: nothing changed.`,
    "dry-run": `Dry run of ${r.file} (${r.format.toUpperCase()}): nothing was written.`,
  }[r.outcome];
  return [
    head,
    `  covers ${r.coverage.from} – ${r.coverage.to} for ${r.coverage.countries.join(", ")}`,
    `  ${n(r.rowsRead)} events: ${n(r.change.added)} new, ${n(r.change.revised)} revised, ${n(r.change.removed)} stored events no longer listed (removed)`,
    `  fatalities (reported estimates): ${n(r.totals.fatalities)}; imprecise dates: ${n(r.totals.impreciseDates)}; events over several days: ${n(r.totals.multiDay)}`,
    `  the dataset ${r.outcome === "dry-run" ? "would hold" : "holds"} ${n(r.eventCount)} events · ${r.durationMs} ms`,
    `  ${r.citation}`,
    `  Licence: ${r.licence}`,
  ].join("\n");
}
