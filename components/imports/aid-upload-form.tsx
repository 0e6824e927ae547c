"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { ApiError, fetchJson } from "@/lib/api-client";
import type { ImportAidCsvResult } from "@/lib/import/aid/import-aid-csv";

const inputStyle = { border: "1px solid var(--line)", borderRadius: 6, padding: "6px 8px" } as const;
const n = (x: number) => x.toLocaleString("en-GB");

/**
 * Upload an aid dataset CSV (the format of the records' CSV export) into one
 * dataset: a dry run first (the preview), then the import on confirmation.
 * Sent with the signed-in admin's session cookie: no token is typed here.
 */
export function AidUploadForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [result, setResult] = useState<ImportAidCsvResult | null>(null);
  const qc = useQueryClient();

  const send = useMutation({
    mutationFn: async (dryRun: boolean) => {
      const form = new FormData(formRef.current!);
      form.set("dryRun", String(dryRun));
      form.set("replace", form.get("replace") === "on" ? "true" : "false");
      return fetchJson<ImportAidCsvResult>("/api/imports/aid", { method: "POST", body: form });
    },
    onSuccess: (r) => {
      setResult(r);
      if (r.outcome === "imported") void qc.invalidateQueries();
    },
  });
  const error = send.error as ApiError | null;
  const issues = (error?.issues ?? []) as { path: (string | number)[]; message: string }[];
  const nothingToDo = !!result && result.change.added + result.change.updated + result.change.removed === 0 && !result.datasetCreated;

  return (
    <section className="panel" aria-labelledby="aid-upload-heading" data-testid="aid-upload">
      <h2 id="aid-upload-heading" style={{ marginTop: 0, fontSize: 18 }}>
        Upload an aid dataset CSV
      </h2>
      <p className="muted" style={{ marginTop: 0 }}>
        The format of the records&apos; CSV export (<code>/api/aid/records?format=csv</code>): required columns date, donor_code, category, measure, amount,
        currency, source_urls, source_publishers; several sources per row separated by &quot; | &quot;. Every row is checked first: one bad row writes nothing.
        Only the dataset named is written; tracker releases cannot be. Preview first: nothing is written until you confirm.
      </p>
      <form
        ref={formRef}
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate(true);
        }}
        onChange={() => setResult(null)}
        style={{ display: "grid", gap: 12, maxWidth: 640 }}
      >
        <label className="field">
          <span>CSV file</span>
          <input type="file" name="file" accept=".csv,text/csv" required data-testid="aid-file" />
        </label>
        <div style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
          <label className="field">
            <span>Dataset id</span>
            <input
              type="text"
              name="dataset"
              required
              pattern="[a-z0-9][a-z0-9_\-]{0,63}"
              placeholder="my-analysis"
              style={inputStyle}
              data-testid="aid-dataset"
            />
          </label>
          <label className="field">
            <span>Dataset name (optional)</span>
            <input type="text" name="name" maxLength={200} style={{ ...inputStyle, minWidth: 260 }} />
          </label>
        </div>
        <label style={{ display: "flex", gap: 8, alignItems: "center" }}>
          <input type="checkbox" name="replace" data-testid="aid-replace" />
          <span>Replace: delete the dataset&apos;s records that are not in the file (otherwise they are kept, and rows with a known key are updated)</span>
        </label>
        <div style={{ display: "flex", gap: 8 }}>
          <button type="submit" className="btn" disabled={send.isPending}>
            {send.isPending ? "Checking…" : "Check the CSV (dry run)"}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!result || result.outcome !== "dry-run" || nothingToDo || send.isPending}
            onClick={() => send.mutate(false)}
            data-testid="aid-confirm"
          >
            Import into this dataset
          </button>
        </div>
      </form>
      {error && (
        <div className="banner banner-error" role="alert" style={{ marginTop: 12 }} data-testid="aid-import-error">
          <strong>{error.status === 401 ? "Not authorised." : "The file was rejected; nothing was written."}</strong> {error.message}
          {issues.length > 0 && (
            <ul>
              {issues.slice(0, 50).map((i, k) => (
                <li key={k}>{i.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {result && <AidImportResult result={result} />}
    </section>
  );
}

function AidImportResult({ result: r }: { result: ImportAidCsvResult }) {
  const c = r.change;
  const heading =
    r.outcome === "dry-run"
      ? `Preview of ${r.file} into “${r.datasetId}” (nothing written yet)`
      : r.outcome === "unchanged"
        ? `Unchanged: “${r.datasetId}” already holds every row of ${r.file}`
        : `Imported ${r.file} into “${r.datasetId}” in ${(r.durationMs / 1000).toFixed(1)} s`;
  return (
    <div className="panel" style={{ marginTop: 12 }} aria-live="polite" data-testid="aid-import-result" data-outcome={r.outcome}>
      <h3 style={{ marginTop: 0 }}>{heading}</h3>
      <p className="muted">
        {n(r.rowsRead)} rows · mode {c.mode} · {n(c.added)} added, {n(c.updated)} updated, {n(c.unchanged)} unchanged, {n(c.removed)} removed
        {c.kept ? `, ${n(c.kept)} kept (not in the file)` : ""} · {n(r.recordCount)} records in the dataset{r.outcome === "dry-run" ? " afterwards" : ""} ·{" "}
        {n(r.newSources)} new sources
      </p>
      <div className="table-wrap">
        <table className="data">
          <caption style={{ textAlign: "left", fontWeight: 600, padding: "4px 0" }}>Totals in the file (measures and currencies are never added)</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Currency</th>
              <th scope="col" className="num">
                Rows
              </th>
              <th scope="col" className="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {r.totals.map((t) => (
              <tr key={`${t.measure}-${t.currency}`}>
                <td>{t.measure}</td>
                <td>{t.currency}</td>
                <td className="num">{n(t.rows)}</td>
                <td className="num">{t.amount.toLocaleString("en-GB", { maximumFractionDigits: 0 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
