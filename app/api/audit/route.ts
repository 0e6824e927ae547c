import { getDb } from "@/lib/db";
import { parseQuery, route } from "@/lib/http";
import { requirePermission } from "@/lib/auth-principal";
import { listAuditEntries, ZAuditQuery } from "@/lib/audit/queries";

export const dynamic = "force-dynamic";

/** The audit trail, newest first, filtered by user, entity (and id) and date: reviewers and admins. */
export const GET = route(async (req) => {
  const q = parseQuery(ZAuditQuery, req.url);
  const db = getDb();
  await requirePermission(req, db, "audit.read");
  return Response.json(await listAuditEntries(db, q), { headers: { "cache-control": "no-store" } });
});
