import { getDb } from "@/lib/db";
import { parseJsonBody, route } from "@/lib/http";
import { requirePermission } from "@/lib/auth-principal";
import { ZRevertBody } from "@/lib/drafts/schemas";
import { revertAuditEntry } from "@/lib/audit/revert";

export const dynamic = "force-dynamic";

/** Undoes one audited change (reviewers and admins); the undo is audited as "revert". */
export const POST = route(async (req) => {
  const db = getDb();
  const principal = await requirePermission(req, db, "audit.revert");
  const body = await parseJsonBody(ZRevertBody, req);
  return Response.json(await revertAuditEntry(db, principal, body.id, body.comment), { status: 201 });
});
