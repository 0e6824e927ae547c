import { getDb } from "@/lib/db";
import { parseJsonBody, route } from "@/lib/http";
import { requirePermission } from "@/lib/auth-principal";
import { ZDraftDecision } from "@/lib/drafts/schemas";
import { publishDraft, rejectDraft } from "@/lib/drafts/event-drafts";

export const dynamic = "force-dynamic";

/** A reviewer publishes a draft (it reaches the public views, audited as "publish") or rejects it with a reason. */
export const POST = route(async (req) => {
  const db = getDb();
  const principal = await requirePermission(req, db, "draft.review");
  const body = await parseJsonBody(ZDraftDecision, req);
  const draft =
    body.decision === "publish" ? await publishDraft(db, principal, body.id, body.comment) : await rejectDraft(db, principal, body.id, body.comment);
  return Response.json(draft);
});
