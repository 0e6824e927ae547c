import { getDb } from "@/lib/db";
import { resolveDatabaseUrl } from "@/lib/database-url";
import { route } from "@/lib/http";
import { requireWriteToken } from "@/lib/auth";
import { importConflictCsv } from "@/lib/conflict/import-conflict-csv";
import { readConflictUpload } from "@/lib/conflict/read-upload";

export const dynamic = "force-dynamic";

/**
 * Import an ACLED or UCDP GED export: a text/csv body with ?format=acled|ucdp[&dryRun=true],
 * or a multipart form with `file`, `format` and `dryRun`. dryRun=true returns the preview and writes nothing.
 */
export const POST = route(async (req) => {
  const db = getDb();
  await requireWriteToken(req, db);
  const upload = await readConflictUpload(req);
  try {
    return Response.json(await importConflictCsv(db, resolveDatabaseUrl(), { file: upload.file, fileLabel: upload.fileLabel, format: upload.format, dryRun: upload.dryRun }));
  } finally {
    upload.remove();
  }
});
