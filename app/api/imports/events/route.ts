import { getDb } from "@/lib/db";
import { resolveDatabaseUrl } from "@/lib/database-url";
import { route } from "@/lib/http";
import { requirePermission } from "@/lib/auth-principal";
import { changeComment } from "@/lib/audit/audited";
import { recordImport } from "@/lib/audit/record-audit";
import { importConflictCsv } from "@/lib/conflict/import-conflict-csv";
import { readConflictUpload } from "@/lib/conflict/read-upload";

export const dynamic = "force-dynamic";

/**
 * Import an ACLED or UCDP GED export: a text/csv body with ?format=acled|ucdp[&dryRun=true],
 * or a multipart form with `file`, `format` and `dryRun`. dryRun=true returns the preview and writes nothing.
 */
export const POST = route(async (req) => {
  const db = getDb();
  const principal = await requirePermission(req, db, "import.run");
  const upload = await readConflictUpload(req);
  try {
    const result = await importConflictCsv(db, resolveDatabaseUrl(), {
      file: upload.file,
      fileLabel: upload.fileLabel,
      format: upload.format,
      dryRun: upload.dryRun,
    });
    await recordImport(db, principal, { ...result, importRunId: null, recordCount: result.eventCount }, changeComment(req));
    return Response.json(result);
  } finally {
    upload.remove();
  }
});
