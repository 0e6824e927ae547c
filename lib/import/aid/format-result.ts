import type { ImportAidCsvResult } from "@/lib/import/aid/import-aid-csv";

const n = (x: number) => x.toLocaleString("en-GB");
const amount = (x: number) => x.toLocaleString("en-GB", { maximumFractionDigits: 2 });

/** The terminal summary of an aid import (the CLI's output; --json prints the object instead). */
export function formatAidImportResult(r: ImportAidCsvResult): string {
  const c = r.change;
  const head =
    r.outcome === "dry-run"
      ? `Dry run: nothing written. Importing ${r.file} into "${r.datasetId}" would:`
      : r.outcome === "unchanged"
        ? `Unchanged: "${r.datasetId}" already holds every row of ${r.file}; nothing written.`
        : `Imported ${r.file} into "${r.datasetId}" (${r.datasetName})${r.datasetCreated ? ", a new dataset" : ""}:`;
  const lines = [
    head,
    `  mode        ${c.mode === "replace" ? "replace (records missing from the file are deleted)" : "merge (existing keys updated, new keys added, others kept)"}`,
    `  rows read   ${n(r.rowsRead)}`,
    `  added       ${n(c.added)}`,
    `  updated     ${n(c.updated)}`,
    `  unchanged   ${n(c.unchanged)}`,
    `  removed     ${n(c.removed)}${c.kept ? `   (kept, not in the file: ${n(c.kept)})` : ""}`,
    `  records     ${n(r.recordCount)} in the dataset${r.outcome === "dry-run" ? " afterwards" : ""}`,
    `  new sources ${n(r.newSources)}`,
    "  totals in the file (per measure and currency, never added across):",
    ...r.totals.map((t) => `    ${t.measure.padEnd(11)} ${t.currency}  ${amount(t.amount).padStart(26)}  (${n(t.rows)} rows)`),
    `  file sha256 ${r.fileHash}`,
    `  took        ${(r.durationMs / 1000).toFixed(1)} s${r.importRunId ? `; import run ${r.importRunId}` : ""}`,
  ];
  return lines.join("\n");
}
