"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { ApiError, fetchJson } from "@/lib/api-client";
import type { ImportKielResult } from "@/lib/import/kiel/import-kiel-release";
import { OVERRIDE_FIELDS } from "@/lib/import/kiel/check-replacement";
import { ImportResult } from "./import-result";

/**
 * Upload a Kiel release: a dry run first (the preview), then the import on
 * confirmation. Sent with the signed-in admin's session cookie: no token is
 * typed here.
 */
export function UploadForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [preview, setPreview] = useState<ImportKielResult | null>(null);
  const qc = useQueryClient();

  const send = useMutation({
    mutationFn: async (dryRun: boolean) => {
      const form = new FormData(formRef.current!);
      form.set("dryRun", String(dryRun));
      for (const key of ["weapons", "releaseInfo"]) {
        const f = form.get(key);
        if (f instanceof File && f.size === 0) form.delete(key);
      }
      return fetchJson<ImportKielResult>("/api/imports", { method: "POST", body: form });
    },
    onSuccess: (result) => {
      setPreview(result);
      if (result.outcome === "imported") void qc.invalidateQueries();
    },
  });
  const error = send.error as ApiError | null;
  const canImport = !!preview && preview.outcome === "dry-run" && !preview.unchanged && !preview.guard.refused && !send.isPending;
  const issues = (error?.issues ?? []) as { path: (string | number)[]; message: string }[];

  return (
    <section className="panel" aria-labelledby="upload-heading">
      <h2 id="upload-heading" style={{ marginTop: 0, fontSize: 18 }}>
        Upload a release
      </h2>
      <p className="muted" style={{ marginTop: 0 }}>
        The release replaces the previous Kiel release in one transaction; other datasets are untouched. Preview first: nothing is written until you confirm.
      </p>
      <form
        ref={formRef}
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate(true);
        }}
        onChange={() => setPreview(null)}
        style={{ display: "grid", gap: 12, maxWidth: 640 }}
      >
        <label className="field">
          <span>data_explorer.csv (required)</span>
          <input type="file" name="dataExplorer" accept=".csv,text/csv" required data-testid="file-data-explorer" />
        </label>
        <label className="field">
          <span>weapons.csv (optional)</span>
          <input type="file" name="weapons" accept=".csv,text/csv" />
        </label>
        <label className="field">
          <span>release_info.csv (optional: gives the label and date)</span>
          <input type="file" name="releaseInfo" accept=".csv,text/csv" />
        </label>
        <div style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
          <label className="field">
            <span>Release label (overrides the file)</span>
            <input
              type="text"
              name="release"
              placeholder="Ukraine Support Tracker, Release 30 (…)"
              style={{ border: "1px solid var(--line)", borderRadius: 6, padding: "6px 8px", minWidth: 280 }}
            />
          </label>
          <label className="field">
            <span>Published</span>
            <input type="date" name="published" />
          </label>
        </div>
        <fieldset style={{ border: "1px solid var(--line)", borderRadius: 6, padding: "8px 12px", display: "grid", gap: 6 }}>
          <legend className="muted" style={{ padding: "0 4px" }}>
            Guards (an import that shrinks or goes back in time is refused unless allowed)
          </legend>
          {OVERRIDE_FIELDS.map((o) => (
            <label key={o.field} style={{ display: "flex", gap: 8, alignItems: "baseline" }}>
              <input type="checkbox" name={o.field} value="true" data-testid={`guard-${o.field}`} />
              <span>
                {o.label}{" "}
                <span className="muted">
                  ({o.hint}; {o.flag} on the command line)
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <div style={{ display: "flex", gap: 8 }}>
          <button type="submit" className="btn" disabled={send.isPending}>
            {send.isPending ? "Checking…" : "Preview (dry run)"}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!canImport}
            // The stylesheet does not dim a disabled primary button; a refused preview must not look importable.
            style={canImport ? undefined : { opacity: 0.45, cursor: "not-allowed" }}
            onClick={() => send.mutate(false)}
            data-testid="confirm-import"
          >
            Import this release
          </button>
        </div>
      </form>
      {error && (
        <div className="banner banner-error" role="alert" style={{ marginTop: 12 }} data-testid="import-error">
          <strong>
            {error.status === 401
              ? "Not authorised."
              : error.status === 409
                ? "Refused by the replacement guards."
                : "The release was rejected; nothing was written."}
          </strong>{" "}
          {error.message}
          {issues.length > 0 && (
            <ul>
              {issues.slice(0, 20).map((i, n) => (
                <li key={n}>
                  {i.path.length ? `${i.path.join(", ")}: ` : ""}
                  {i.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {preview && (
        <div style={{ marginTop: 12 }}>
          <ImportResult result={preview} />
        </div>
      )}
    </section>
  );
}
