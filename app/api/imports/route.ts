import { getDb } from "@/lib/db";
import { parseQuery, route } from "@/lib/http";
import { requirePermission } from "@/lib/auth-principal";
import { changeComment } from "@/lib/audit/audited";
import { recordImport } from "@/lib/audit/record-audit";
import { importKielRelease } from "@/lib/import/kiel/import-kiel-release";
import { listImportRuns, readKielUpload, ZImportRunsQuery } from "@/lib/import/kiel/import-runs";

export const dynamic = "force-dynamic";

/** Kiel tracker imports, newest first: { items, total, page, pageSize }. */
export const GET = route(async (req) => Response.json(await listImportRuns(getDb(), parseQuery(ZImportRunsQuery, req.url))));

/** Upload a Kiel release (multipart); dryRun=true returns the preview and writes nothing. */
export const POST = route(async (req) => {
  const db = getDb();
  const principal = await requirePermission(req, db, "import.run");
  const { files, options } = await readKielUpload(req);
  const result = await importKielRelease(db, files, options);
  await recordImport(db, principal, result, changeComment(req));
  return Response.json(result);
});
