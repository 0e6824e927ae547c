"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { ImportConflictCsvResult } from "@/lib/conflict/import-conflict-csv";

const inputStyle = { border: "1px solid var(--line)", borderRadius: 6, padding: "6px 8px" } as const;
const n = (x: number) => x.toLocaleString("en-GB");

type Issue = { path: (string | number)[]; message: string };
type Failure = { status: number; message: string; issues: Issue[] };
type Phase = { kind: "idle" } | { kind: "uploading"; percent: number } | { kind: "importing" };

/**
 * Sends the form with XMLHttpRequest, the one browser API that reports upload
 * progress (fetch does not); the server's own work is then shown as one phase.
 */
function postWithProgress(form: FormData, onProgress: (p: Phase) => void): Promise<ImportConflictCsvResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/imports/events");
    xhr.upload.onprogress = (e) => onProgress({ kind: "uploading", percent: e.lengthComputable ? Math.round((100 * e.loaded) / e.total) : 0 });
    xhr.upload.onload = () => onProgress({ kind: "importing" });
    xhr.onerror = () => reject({ status: 0, message: "The server could not be reached.", issues: [] } satisfies Failure);
    xhr.onload = () => {
      let body: { error?: string; issues?: Issue[] } & Partial<ImportConflictCsvResult> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: reported below */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ImportConflictCsvResult);
      else reject({ status: xhr.status, message: body.error ?? `HTTP ${xhr.status}`, issues: body.issues ?? [] } satisfies Failure);
    };
    xhr.send(form);
  });
}

/**
 * Upload an ACLED or UCDP GED export: a dry run first (the preview), then the
 * import on confirmation. Sent with the signed-in admin's session cookie: no token is typed here.
 */
export function ConflictUploadForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [result, setResult] = useState<ImportConflictCsvResult | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const qc = useQueryClient();
  const busy = phase.kind !== "idle";

  const send = async (dryRun: boolean) => {
    const form = new FormData(formRef.current!);
    form.set("dryRun", String(dryRun));
    setFailure(null);
    setPhase({ kind: "uploading", percent: 0 });
    try {
      const r = await postWithProgress(form, setPhase);
      setResult(r);
      if (r.outcome === "imported") void qc.invalidateQueries();
    } catch (e) {
      setResult(null);
      setFailure(e as Failure);
    } finally {
      setPhase({ kind: "idle" });
    }
  };

  return (
    <section className="panel" aria-labelledby="conflict-upload-heading" data-testid="conflict-upload">
      <h2 id="conflict-upload-heading" style={{ marginTop: 0, fontSize: 18 }}>
        Upload conflict events (ACLED or UCDP GED export)
      </h2>
      <p className="muted" style={{ marginTop: 0 }}>
        An ACLED export CSV or a UCDP GED CSV as published. Every row is checked first; one bad row or a repeated event id writes nothing. A newer export
        replaces the events it covers (its date range, for the countries in it). The app ships no conflict data: ACLED&apos;s terms forbid redistribution, so
        only what you import is shown. From the command line: <code>npm run import:events -- &lt;file.csv&gt; --format acled|ucdp [--dry-run]</code>.
      </p>
      <form
        ref={formRef}
        onSubmit={(e) => {
          e.preventDefault();
          void send(true);
        }}
        onChange={() => setResult(null)}
        style={{ display: "grid", gap: 12, maxWidth: 640 }}
      >
        <label className="field">
          <span>CSV file</span>
          <input type="file" name="file" accept=".csv,text/csv" required data-testid="conflict-file" />
        </label>
        <label className="field">
          <span>Format</span>
          <select name="format" defaultValue="acled" style={inputStyle} data-testid="conflict-format">
            <option value="acled">ACLED export</option>
            <option value="ucdp">UCDP GED</option>
          </select>
        </label>
        <div style={{ display: "flex", gap: 8, alignItems: "center" }}>
          <button type="submit" className="btn" disabled={busy}>
            Check the file (dry run)
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!result || result.outcome !== "dry-run" || busy}
            onClick={() => void send(false)}
            data-testid="conflict-confirm"
          >
            Import these events
          </button>
          {busy && (
            <span role="status" data-testid="conflict-progress">
              {phase.kind === "uploading" ? `Uploading… ${phase.percent}%` : "Validating and importing on the server…"}
            </span>
          )}
        </div>
      </form>
      {failure && (
        <div className="banner banner-error" role="alert" style={{ marginTop: 12 }} data-testid="conflict-import-error">
          <strong>{failure.status === 401 ? "Not authorised." : "The file was rejected; nothing was written."}</strong> {failure.message}
          {failure.issues.length > 0 && (
            <ul>
              {failure.issues.slice(0, 50).map((i, k) => (
                <li key={k}>{i.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {result && <ConflictImportResult result={result} />}
    </section>
  );
}

function ConflictImportResult({ result: r }: { result: ImportConflictCsvResult }) {
  const heading =
    r.outcome === "dry-run"
      ? `Preview of ${r.file} (${r.format.toUpperCase()}; nothing written yet)`
      : r.outcome === "unchanged"
        ? `Unchanged: ${r.file} is the export imported last`
        : `Imported ${r.file} (${r.format.toUpperCase()}) in ${(r.durationMs / 1000).toFixed(1)} s`;
  return (
    <div className="panel" style={{ marginTop: 12 }} aria-live="polite" data-testid="conflict-import-result" data-outcome={r.outcome}>
      <h3 style={{ marginTop: 0 }}>{heading}</h3>
      <p className="muted">
        Covers {r.coverage.from} – {r.coverage.to} for {r.coverage.countries.join(", ")} · {n(r.rowsRead)} events: {n(r.change.added)} new,{" "}
        {n(r.change.revised)} revised, {n(r.change.removed)} removed · {n(r.eventCount)} events in the dataset{r.outcome === "dry-run" ? " afterwards" : ""}
      </p>
      <p className="muted">
        Fatalities (reported estimates): {n(r.totals.fatalities)} · imprecise dates: {n(r.totals.impreciseDates)} · coded over several days:{" "}
        {n(r.totals.multiDay)}
      </p>
      <p className="muted" style={{ fontSize: 12 }}>
        {r.citation} Licence: {r.licence}
      </p>
    </div>
  );
}
