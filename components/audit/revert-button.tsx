"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ApiError, fetchJson } from "@/lib/api-client";

export function RevertButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const revert = useMutation({
    mutationFn: () => fetchJson("/api/audit/revert", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ id }) }),
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <button type="button" className="btn btn-small" onClick={() => revert.mutate()} disabled={revert.isPending} aria-label={`Revert: ${label}`}>
        Revert
      </button>
      {revert.error && (
        <span className="field-error" role="alert">
          {(revert.error as ApiError).message}
        </span>
      )}
    </>
  );
}
