import { getDb } from "@/lib/db";
import { parseQuery, route } from "@/lib/http";
import { requireWriteToken } from "@/lib/auth";
import { importKielRelease } from "@/lib/import/kiel/import-kiel-release";
import { listImportRuns, readKielUpload, ZImportRunsQuery } from "@/lib/import/kiel/import-runs";

export const dynamic = "force-dynamic";

/** Kiel tracker imports, newest first: { items, total, page, pageSize }. */
export const GET = route(async (req) => Response.json(await listImportRuns(getDb(), parseQuery(ZImportRunsQuery, req.url))));

/** Upload a Kiel release (multipart); dryRun=true returns the preview and writes nothing. */
export const POST = route(async (req) => {
  const db = getDb();
  await requireWriteToken(req, db);
  const { files, options } = await readKielUpload(req);
  return Response.json(await importKielRelease(db, files, options));
});
