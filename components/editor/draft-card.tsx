import type { DraftDto } from "@/lib/drafts/event-drafts";
import { DraftDecision } from "./draft-decision";

const show = (v: unknown) => (v === null || v === undefined ? "—" : Array.isArray(v) ? v.join(", ") || "—" : String(v));

/** One pending draft: what it changes, field by field, and (for reviewers) the decision. */
export function DraftCard({ draft, canDecide }: { draft: DraftDto; canDecide: boolean }) {
  const title = String((draft.payload as { title?: string }).title ?? draft.entityId);
  return (
    <article className="panel stack" aria-labelledby={`draft-${draft.id}`} data-testid="draft">
      <header>
        <h3 id={`draft-${draft.id}`} style={{ margin: 0, fontSize: 16 }}>
          <span className="draft-badge">Draft · {draft.action}</span> {title}
        </h3>
        <p className="muted" style={{ margin: "4px 0 0", fontSize: 13 }}>
          {draft.entity} <code>{draft.entityId}</code> · by {draft.author} · {draft.createdAt.slice(0, 16).replace("T", " ")} UTC
          {draft.comment ? ` · “${draft.comment}”` : ""}
        </p>
      </header>
      <div className="table-wrap">
        <table className="diff-table" style={{ borderCollapse: "collapse", width: "100%" }}>
          <caption className="muted" style={{ textAlign: "left", fontSize: 12 }}>
            Changes, field by field
          </caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Published</th>
              <th scope="col">Draft</th>
            </tr>
          </thead>
          <tbody>
            {draft.changes.map((c) => (
              <tr key={c.field}>
                <th scope="row">{c.field}</th>
                <td className={c.before === null ? "" : "before"}>{show(c.before)}</td>
                <td className={c.after === null ? "" : "after"}>{show(c.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canDecide && <DraftDecision id={draft.id} title={title} />}
    </article>
  );
}
