"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { ApiError, fetchJson } from "@/lib/api-client";

/** Publish or reject one draft; rejecting asks for the reason first. */
export function DraftDecision({ id, title }: { id: string; title: string }) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const decide = useMutation({
    mutationFn: (decision: "publish" | "reject") =>
      fetchJson("/api/drafts/decide", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ decision, id, ...(comment ? { comment } : {}) }),
      }),
    onSuccess: () => router.refresh(),
  });
  const error = decide.error as ApiError | null;
  return (
    <div className="row">
      <label className="field" style={{ flex: "1 1 260px" }}>
        <span>Comment (required to reject)</span>
        <input type="text" value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} aria-describedby={`decision-error-${id}`} />
      </label>
      <button type="button" className="btn btn-primary" onClick={() => decide.mutate("publish")} disabled={decide.isPending} aria-label={`Publish “${title}”`}>
        Publish
      </button>
      <button type="button" className="btn" onClick={() => decide.mutate("reject")} disabled={decide.isPending} aria-label={`Reject “${title}”`}>
        Reject
      </button>
      <span id={`decision-error-${id}`} className="field-error" role={error ? "alert" : undefined}>
        {error?.message}
      </span>
    </div>
  );
}
