export interface Issue {
  path: (string | number)[];
  message: string;
}

/**
 * Issues keyed by field: "date", or for a source "sources.url" (the index
 * inside the list is dropped: the form edits one new source at a time).
 */
export function issuesByField(issues: readonly Issue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of issues) {
    const key = i.path.filter((p) => typeof p === "string" || Number.isNaN(Number(p))).join(".") || "form";
    const list = (out[key] ??= []);
    if (!list.includes(i.message)) list.push(i.message);
  }
  return out;
}

export function FieldError({ id, issues }: { id: string; issues?: string[] }) {
  if (!issues?.length) return <span id={id} hidden />;
  return (
    <span id={id} className="field-error" role="alert">
      {issues.join("; ")}
    </span>
  );
}
