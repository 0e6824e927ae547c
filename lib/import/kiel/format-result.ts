import type { ImportKielResult } from "@/lib/import/kiel/import-kiel-release";
import { explainRefusal } from "@/lib/import/kiel/check-replacement";

const int = (n: number) => n.toLocaleString("en-US");
const bn = (n: number | null) => (n === null ? "—" : n.toFixed(6));
const signed = (n: number | null) => (n === null ? "—" : `${n > 0 ? "+" : n < 0 ? "" : "±"}${n.toFixed(6)}`);

/** The CLI's end-of-run summary (plain text). */
export function formatKielResult(r: ImportKielResult): string {
  const s = r.summary;
  const c = r.change;
  const out: string[] = [];
  out.push("");
  out.push(`Release     ${r.release.label}`);
  out.push(
    `            source ${r.release.sourceId}, published ${r.release.publishedAt ?? "(unknown)"}, data through ${r.release.period} (as of ${r.release.asOf})`,
  );
  out.push(`Files       ${r.files.join(", ")}  sha256 ${r.fileHash.slice(0, 16)}…`);
  out.push(`Rows read   ${int(s.rowsRead)}`);
  out.push(`Donors      ${int(s.donors)}${s.newDonors.length ? ` (new: ${s.newDonors.join(", ")})` : ""}`);
  out.push(`Months      ${int(s.months)} (${s.firstMonth} … ${s.lastMonth})`);
  out.push(
    `Records     ${int(s.recordCount)} (${int(s.allocationRecords)} allocation, ${int(s.commitmentRecords)} commitment), ` +
      `GDP for ${int(s.gdpCount)} donors, ${int(s.weaponsCount)} weapons rows`,
  );
  out.push("");
  const prevLabel = c.previous ? `previous` : "previous (none)";
  out.push(`Totals, bn EUR           ${"this release".padStart(14)} ${prevLabel.padStart(14)} ${"change".padStart(14)}`);
  for (const t of c.totals) {
    out.push(`  ${`${t.measure} ${t.category}`.padEnd(23)}${bn(t.current).padStart(14)} ${bn(t.previous).padStart(14)} ${signed(t.delta).padStart(14)}`);
  }
  out.push("  (allocations and commitments are different measures and are never added)");
  out.push("");
  if (c.previous) {
    out.push(`Replaces    ${c.previous.label}${c.previous.sourceId ? ` (${c.previous.sourceId})` : ""}`);
    out.push(
      `  records: +${int(c.records.added)} added, -${int(c.records.removed)} removed, ${int(c.records.changed)} changed, ${int(c.records.unchanged)} unchanged`,
    );
    out.push(
      `  donor-months: +${int(c.donorMonths.added)} added, -${int(c.donorMonths.removed)} removed (${int(c.donorMonths.previous)} → ${int(c.donorMonths.current)})`,
    );
  } else {
    out.push("Replaces    nothing (first Kiel release in this database)");
  }
  for (const w of r.warnings) out.push(`Warning     ${w}`);
  if (r.guard.refused) {
    out.push("");
    out.push(explainRefusal(r.guard).replace(/^Refused; nothing was written\. /, "Would be refused: "));
  }
  out.push("");
  const verdict =
    r.outcome === "dry-run"
      ? `Dry run: nothing written. A real import would ${r.unchanged ? "change nothing (unchanged)" : r.guard.refused ? "be refused" : "replace the release"}.`
      : r.outcome === "unchanged"
        ? `Unchanged: the database already holds this release; nothing replaced (ImportRun ${r.importRunId}).`
        : `Imported ${int(s.recordCount)} records (ImportRun ${r.importRunId}).`;
  out.push(`${verdict} ${r.durationMs} ms.`);
  return out.join("\n");
}
