"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { fetchJson } from "@/lib/api-client";
import { sessionQueryKey, useSession } from "./use-session";

export function SignOutPanel() {
  const { user, loading } = useSession();
  const router = useRouter();
  const qc = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => fetchJson("/api/auth/sign-out", { method: "POST" }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: sessionQueryKey });
      router.push("/");
      router.refresh();
    },
  });
  if (loading) return <p className="muted">Checking your session…</p>;
  if (!user) return <p>You are not signed in.</p>;
  return (
    <div className="panel auth-form">
      <p style={{ margin: 0 }}>
        Signed in as <strong>{user.email}</strong> ({user.role}).
      </p>
      <button type="button" className="btn btn-primary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        Sign out
      </button>
    </div>
  );
}
