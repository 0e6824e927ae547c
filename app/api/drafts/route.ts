import { getDb } from "@/lib/db";
import { parseQuery, route } from "@/lib/http";
import { requirePermission } from "@/lib/auth-principal";
import { ZDraftsQuery } from "@/lib/drafts/schemas";
import { listDrafts } from "@/lib/drafts/event-drafts";

export const dynamic = "force-dynamic";

/** Drafts (pending by default) with their field-by-field changes: editors, reviewers and admins. */
export const GET = route(async (req) => {
  const q = parseQuery(ZDraftsQuery, req.url);
  const db = getDb();
  await requirePermission(req, db, "draft.read");
  return Response.json({ items: await listDrafts(db, q.status) }, { headers: { "cache-control": "no-store" } });
});
