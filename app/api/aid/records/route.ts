import { getDb } from "@/lib/db";
import { parseJsonBody, parseQuery, route } from "@/lib/http";
import { requireWriteToken } from "@/lib/auth";
import { ZAidRecordInput, ZRecordsQuery } from "@/lib/aid/schemas";
import { getAidRecords, listAidRecords } from "@/lib/aid/queries";
import { aidRecordsToCsv, csvFilename } from "@/lib/aid/csv";
import { createAidRecord } from "@/lib/aid/mutations";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const q = parseQuery(ZRecordsQuery, req.url);
  const db = getDb();
  if (q.format === "csv") {
    // A CSV is every filtered row unless the caller asked for one page of them.
    const params = new URL(req.url).searchParams;
    const paged = params.has("page") || params.has("pageSize");
    const { context, records } = await getAidRecords(
      db,
      q,
      paged ? { skip: (q.page - 1) * q.pageSize, take: q.pageSize } : undefined,
    );
    return new Response(aidRecordsToCsv(context, records), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${csvFilename(context)}"`,
      },
    });
  }
  return Response.json(await listAidRecords(db, q));
});

export const POST = route(async (req) => {
  const db = getDb();
  await requireWriteToken(req, db);
  const input = await parseJsonBody(ZAidRecordInput, req);
  return Response.json(await createAidRecord(db, input), { status: 201 });
});
