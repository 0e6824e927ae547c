import { getDb } from "@/lib/db";
import { resolveDatabaseUrl } from "@/lib/database-url";
import { route } from "@/lib/http";
import { requirePermission } from "@/lib/auth-principal";
import { changeComment } from "@/lib/audit/audited";
import { recordImport } from "@/lib/audit/record-audit";
import { importAidCsv } from "@/lib/import/aid/import-aid-csv";
import { readAidUpload } from "@/lib/import/aid/read-upload";

export const dynamic = "force-dynamic";

/**
 * Import an aid CSV (the format GET /api/aid/records?format=csv writes) into one
 * dataset: a text/csv body with ?dataset=…[&name=…][&replace=true][&dryRun=true],
 * or a multipart form with `file` and the same fields. dryRun=true returns the
 * preview and writes nothing.
 */
export const POST = route(async (req) => {
  const db = getDb();
  const principal = await requirePermission(req, db, "import.run");
  const upload = await readAidUpload(req);
  try {
    const result = await importAidCsv(db, resolveDatabaseUrl(), { file: upload.file, fileLabel: upload.fileLabel, ...upload.options });
    await recordImport(db, principal, result, changeComment(req));
    return Response.json(result);
  } finally {
    upload.remove();
  }
});
