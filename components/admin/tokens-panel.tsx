"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, fetchJson } from "@/lib/api-client";
import { ROLES } from "@/lib/permissions/roles";
import type { ApiTokenDto } from "@/lib/auth-tokens";

const tokensKey = ["admin", "tokens"] as const;

/** Script tokens: who owns each, its role and expiry; revocable. A new token is shown once. */
export function TokensPanel() {
  const qc = useQueryClient();
  const tokens = useQuery({ queryKey: tokensKey, queryFn: () => fetchJson<{ items: ApiTokenDto[] }>("/api/admin/tokens") });
  const [form, setForm] = useState({ label: "", role: "editor", expiresOn: "" });
  const create = useMutation({
    mutationFn: () =>
      fetchJson<ApiTokenDto & { token: string }>("/api/admin/tokens", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ label: form.label, role: form.role, ...(form.expiresOn ? { expiresOn: form.expiresOn } : {}) }),
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: tokensKey }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => fetchJson(`/api/admin/tokens?id=${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: tokensKey }),
  });
  return (
    <section className="panel stack" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading" style={{ margin: 0, fontSize: 18 }}>
        API tokens for scripts
      </h2>
      <form
        className="form-grid"
        aria-label="Create a token"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <label className="field">
          <span>Label</span>
          <input type="text" name="label" required maxLength={200} value={form.label} onChange={(e) => setForm({ ...form, label: e.target.value })} />
        </label>
        <label className="field">
          <span>Role (at most yours)</span>
          <select name="role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Last valid day (optional)</span>
          <input type="date" name="expiresOn" value={form.expiresOn} onChange={(e) => setForm({ ...form, expiresOn: e.target.value })} />
        </label>
        <div className="row wide">
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            Create token
          </button>
          {create.error && (
            <span className="field-error" role="alert">
              {(create.error as ApiError).message}
            </span>
          )}
        </div>
      </form>
      {create.data && (
        <p className="effect" role="status">
          Token for “{create.data.label}”, shown this once (only its hash is stored): <code data-testid="new-token">{create.data.token}</code>
        </p>
      )}
      <div className="table-wrap">
        <table className="diff-table" style={{ borderCollapse: "collapse", width: "100%" }}>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Owner</th>
              <th scope="col">Role</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data?.items.map((t) => (
              <tr key={t.id}>
                <td>{t.label}</td>
                <td>{t.owner ?? "—"}</td>
                <td>{t.role}</td>
                <td>{t.createdAt.slice(0, 10)}</td>
                <td>{t.expiresAt ? t.expiresAt.slice(0, 10) : "never"}</td>
                <td>
                  {t.revokedAt ? (
                    `revoked ${t.revokedAt.slice(0, 10)}`
                  ) : (
                    <button type="button" className="btn btn-small" onClick={() => revoke.mutate(t.id)} aria-label={`Revoke ${t.label}`}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
