"use client";

import type { ImportKielResult } from "@/lib/import/kiel/import-kiel-release";
import { GUARD_OVERRIDE } from "@/lib/import/kiel/check-replacement";

const bn = (v: number | null) => (v === null ? "—" : `€${v.toLocaleString("en-GB", { maximumFractionDigits: 3, minimumFractionDigits: 3 })} bn`);

/** The dry-run preview or the outcome of an import: what the release holds and what it changes. */
export function ImportResult({ result }: { result: ImportKielResult }) {
  const s = result.summary;
  const heading =
    result.outcome === "dry-run"
      ? result.unchanged
        ? "Preview: this release is already imported — importing it again would change nothing"
        : "Preview (nothing written yet)"
      : result.outcome === "unchanged"
        ? "Unchanged: the database already holds exactly this release"
        : `Imported ${s.recordCount.toLocaleString("en-GB")} records in ${result.durationMs} ms`;
  return (
    <section className="panel" aria-live="polite" data-testid="import-result" data-outcome={result.outcome}>
      <h3 style={{ marginTop: 0 }}>{heading}</h3>
      <p>
        <strong>{result.release.label}</strong> · published {result.release.publishedAt ?? "date not given"} · data through {result.release.period}
      </p>
      {result.guard.findings.length > 0 && (
        <div className={`banner ${result.guard.refused ? "banner-error" : "banner-warn"}`} data-testid="import-guard" data-refused={result.guard.refused}>
          <strong>{result.guard.refused ? "This import would be refused: " : "Accepted because you allowed it: "}</strong>
          <ul>
            {result.guard.findings.map((f) => (
              <li key={f.rule}>
                This import {f.message}
                {f.overridden
                  ? ` (${GUARD_OVERRIDE[f.rule].label} is ticked)`
                  : `. Tick “${GUARD_OVERRIDE[f.rule].label}” and preview again if that is intended.`}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.warnings.length > 0 && (
        <div className="banner banner-warn">
          <ul>
            {result.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="muted">
        {s.rowsRead.toLocaleString("en-GB")} rows · {s.donors} donors{s.newDonors.length ? ` (new: ${s.newDonors.join(", ")})` : ""} · {s.months} months (
        {s.firstMonth} – {s.lastMonth}) · {s.allocationRecords.toLocaleString("en-GB")} allocation and {s.commitmentRecords.toLocaleString("en-GB")} commitment
        records · GDP for {s.gdpCount} donors · {s.weaponsCount} heavy-weapons rows
      </p>
      <div className="table-wrap">
        <table className="data">
          <caption style={{ textAlign: "left", fontWeight: 600, padding: "4px 0" }}>
            Totals against {result.change.previous ? result.change.previous.label : "no previous release"} (allocations and commitments are never added)
          </caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Category</th>
              <th scope="col" className="num">
                Previous
              </th>
              <th scope="col" className="num">
                This release
              </th>
              <th scope="col" className="num">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {result.change.totals.map((t) => (
              <tr key={`${t.measure}-${t.category}`}>
                <td>{t.measure}</td>
                <td>{t.category}</td>
                <td className="num">{bn(t.previous)}</td>
                <td className="num">{bn(t.current)}</td>
                <td className="num">{t.delta === null ? "—" : `${t.delta >= 0 ? "+" : "−"}${bn(Math.abs(t.delta)).slice(0)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        Records: {result.change.records.added} added, {result.change.records.removed} removed, {result.change.records.changed} changed,{" "}
        {result.change.records.unchanged} unchanged.
      </p>
    </section>
  );
}
