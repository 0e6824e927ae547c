import type { Metadata } from "next";
import { getDb } from "@/lib/db";
import { pageAccess } from "@/lib/auth-page";
import { can } from "@/lib/permissions/roles";
import { toSourceDto } from "@/lib/sources/dto";
import { AccessDenied } from "@/components/auth/access-denied";
import { EventForm } from "@/components/editor/event-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Editor · Aid & Escalation Monitor" };

/** Sources offered for reuse: the most recent first, enough to find this week's. */
const REUSABLE_SOURCES = 300;

export default async function EditorPage() {
  const access = await pageAccess("draft.create");
  if ("denied" in access) return <AccessDenied reason={access.denied} path="/editor" what="record events" />;
  const rows = await getDb().source.findMany({ orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: REUSABLE_SOURCES });
  return (
    <>
      <div className="page-title">
        <h1>Editor</h1>
        <span className="as-of">
          Signed in as {access.user.email} ({access.user.role})
        </span>
      </div>
      <p className="muted" style={{ maxWidth: 820, marginTop: 0 }}>
        {can(access.user.role, "data.write")
          ? "As an admin you publish directly; every change is kept in the history."
          : "Your events are drafts until a reviewer publishes them: the public views do not show them before."}{" "}
        The severity rungs are those of the <a href="/method">method</a>.
      </p>
      <EventForm sources={rows.map(toSourceDto)} publishesDirectly={can(access.user.role, "data.write")} />
    </>
  );
}
