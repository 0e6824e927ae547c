"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, fetchJson } from "@/lib/api-client";
import { ROLES } from "@/lib/permissions/roles";
import type { UserDto } from "@/lib/auth-users";
import { FieldError, issuesByField, type Issue } from "@/components/editor/field-error";

const usersKey = ["admin", "users"] as const;

/** Accounts: the list, and a form to make one (an admin hands the first password to the analyst). */
export function UsersPanel() {
  const qc = useQueryClient();
  const users = useQuery({ queryKey: usersKey, queryFn: () => fetchJson<{ items: UserDto[] }>("/api/admin/users") });
  const [form, setForm] = useState({ email: "", name: "", role: "editor", password: "" });
  const create = useMutation({
    mutationFn: () =>
      fetchJson<UserDto>("/api/admin/users", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...form, name: form.name || undefined }),
      }),
    onSuccess: () => {
      setForm({ email: "", name: "", role: "editor", password: "" });
      void qc.invalidateQueries({ queryKey: usersKey });
    },
  });
  const setRole = useMutation({
    mutationFn: (v: { id: string; role: string }) =>
      fetchJson("/api/admin/users", { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(v) }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: usersKey }),
  });
  const err = create.error as ApiError | null;
  const by = issuesByField((err?.issues ?? []) as Issue[]);
  return (
    <section className="panel stack" aria-labelledby="users-heading">
      <h2 id="users-heading" style={{ margin: 0, fontSize: 18 }}>
        Users
      </h2>
      <form
        className="form-grid"
        aria-label="Create a user"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <label className="field">
          <span>Email</span>
          <input
            type="email"
            name="email"
            required
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
            aria-describedby="err-user-email"
          />
          <FieldError id="err-user-email" issues={by.email} />
        </label>
        <label className="field">
          <span>Name (optional)</span>
          <input type="text" name="name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <label className="field">
          <span>Role</span>
          <select name="role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>First password (12+ characters)</span>
          <input
            type="password"
            name="password"
            autoComplete="new-password"
            required
            minLength={12}
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
            aria-describedby="err-user-password"
          />
          <FieldError id="err-user-password" issues={by.password} />
        </label>
        <div className="row wide">
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            Create user
          </button>
          {err && !err.issues.length && (
            <span className="field-error" role="alert">
              {err.message}
            </span>
          )}
          {create.data && <span role="status">Created {create.data.email}. Hand them the password through a channel of its own.</span>}
        </div>
      </form>
      <div className="table-wrap">
        <table className="diff-table" style={{ borderCollapse: "collapse", width: "100%" }}>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.items.map((u) => (
              <tr key={u.id}>
                <td>{u.email}</td>
                <td>{u.name}</td>
                <td>
                  <select aria-label={`Role of ${u.email}`} value={u.role} onChange={(e) => setRole.mutate({ id: u.id, role: e.target.value })}>
                    {ROLES.map((r) => (
                      <option key={r}>{r}</option>
                    ))}
                  </select>
                </td>
                <td>{u.createdAt.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
