"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useRouter, useSearchParams } from "next/navigation";
import { ApiError, fetchJson } from "@/lib/api-client";
import { sessionQueryKey } from "./use-session";

/** Only same-site paths: a ?next= pointing elsewhere would make this form an open redirect. */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/editor";
}

export function SignInForm() {
  const router = useRouter();
  const params = useSearchParams();
  const qc = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const signIn = useMutation({
    mutationFn: () =>
      fetchJson("/api/auth/sign-in/email", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: sessionQueryKey });
      router.push(safeNext(params.get("next")));
      router.refresh();
    },
  });
  const error = signIn.error as ApiError | null;
  return (
    <form
      className="panel auth-form"
      onSubmit={(e) => {
        e.preventDefault();
        signIn.mutate();
      }}
      aria-describedby={error ? "sign-in-error" : undefined}
    >
      <label className="field">
        <span>Email</span>
        <input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label className="field">
        <span>Password</span>
        <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      {error && (
        <p id="sign-in-error" role="alert" className="field-error">
          {error.message}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={signIn.isPending}>
        {signIn.isPending ? "Signing in…" : "Sign in"}
      </button>
      <p className="muted" style={{ margin: 0, fontSize: 13 }}>
        Accounts are made by an admin; there is no public sign-up. Ask yours for an account or a new password.
      </p>
    </form>
  );
}
