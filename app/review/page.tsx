import type { Metadata } from "next";
import { getDb } from "@/lib/db";
import { pageAccess } from "@/lib/auth-page";
import { can } from "@/lib/permissions/roles";
import { listDrafts, eventsWithDrafts } from "@/lib/drafts/event-drafts";
import { getAllEvents } from "@/lib/events/queries";
import { computeEscalationIndex } from "@/lib/escalation";
import { AccessDenied } from "@/components/auth/access-denied";
import { DraftCard } from "@/components/editor/draft-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review · Aid & Escalation Monitor" };

/** The index on each draft's date, published and with every pending draft included: what publishing would change. */
async function draftPreview(dates: string[]) {
  if (!dates.length) return [];
  const db = getDb();
  const published = await getAllEvents(db);
  const withDrafts = await eventsWithDrafts(db, published);
  const at = (events: typeof published, date: string) => computeEscalationIndex({ events, from: date, to: date }).points[0].value;
  return [...new Set(dates)].sort().map((date) => ({ date, published: at(published, date), withDrafts: at(withDrafts, date) }));
}

export default async function ReviewPage() {
  const access = await pageAccess("draft.read");
  if ("denied" in access) return <AccessDenied reason={access.denied} path="/review" what="see drafts" />;
  const drafts = await listDrafts(getDb(), "pending");
  const preview = await draftPreview(drafts.map((d) => String((d.payload as { date?: string }).date ?? "")).filter(Boolean));
  const canDecide = can(access.user.role, "draft.review");
  return (
    <>
      <div className="page-title">
        <h1>Review</h1>
        <span className="as-of">
          {drafts.length} pending draft{drafts.length === 1 ? "" : "s"}
        </span>
      </div>
      {preview.length > 0 && (
        <section className="panel" aria-labelledby="preview-heading" style={{ marginBottom: 16 }}>
          <h2 id="preview-heading" style={{ marginTop: 0, fontSize: 16 }}>
            Index preview <span className="draft-badge">drafts included</span>
          </h2>
          <div className="table-wrap">
            <table className="diff-table" style={{ borderCollapse: "collapse" }}>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Published index</th>
                  <th scope="col">With drafts (not public)</th>
                </tr>
              </thead>
              <tbody>
                {preview.map((p) => (
                  <tr key={p.date}>
                    <th scope="row">{p.date}</th>
                    <td>{p.published.toFixed(1)}</td>
                    <td>
                      {p.withDrafts.toFixed(1)} <span className="draft-badge">draft</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {drafts.length === 0 ? (
        <p className="muted">Nothing waits for review.</p>
      ) : (
        <div className="stack">
          {drafts.map((d) => (
            <DraftCard key={d.id} draft={d} canDecide={canDecide} />
          ))}
        </div>
      )}
    </>
  );
}
