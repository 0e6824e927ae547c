import { getDb } from "@/lib/db";
import { parseJsonBody, parseQuery, route } from "@/lib/http";
import { writeAccess } from "@/lib/item-routes";
import { AppError } from "@/lib/errors";
import { snapshotJson, snapshotResponse } from "@/lib/snapshot-response";
import { ZAidRecordInput, ZRecordsQuery } from "@/lib/aid/schemas";
import { getAidRecords, listAidRecords } from "@/lib/aid/queries";
import { aidRecordsToCsv, csvFilename } from "@/lib/aid/csv";
import { createAidRecord } from "@/lib/aid/mutations";

export const dynamic = "force-dynamic";

/** A whole-selection CSV is built in memory: beyond this many rows, ask for pages or narrower filters. */
const CSV_MAX_ROWS = 200_000;

export const GET = route(async (req) => {
  const q = parseQuery(ZRecordsQuery, req.url);
  if (q.format !== "csv") return snapshotJson(req, (tx) => listAidRecords(tx, q));
  // A CSV is every filtered row unless the caller asked for one page of them.
  const params = new URL(req.url).searchParams;
  const paged = params.has("page") || params.has("pageSize");
  return snapshotResponse(req, async (tx) => {
    if (!paged) {
      const { total } = await listAidRecords(tx, { ...q, page: 1, pageSize: 1 });
      if (total > CSV_MAX_ROWS) {
        throw new AppError(
          "BAD_REQUEST",
          `The selection holds ${total} records; a CSV without "page" holds at most ${CSV_MAX_ROWS}. Narrow the filters or export it in pages (page, pageSize ≤ 1000).`,
          [{ path: ["format"], message: "too many rows for one CSV" }],
        );
      }
    }
    const { context, records } = await getAidRecords(tx, q, paged ? { skip: (q.page - 1) * q.pageSize, take: q.pageSize } : undefined);
    return {
      body: aidRecordsToCsv(context, records),
      contentType: "text/csv; charset=utf-8",
      headers: { "content-disposition": `attachment; filename="${csvFilename(context)}"` },
    };
  });
});

export const POST = route(async (req) => {
  const db = getDb();
  const { audit } = await writeAccess(req, db, false);
  const input = await parseJsonBody(ZAidRecordInput, req);
  return Response.json(await createAidRecord(db, input, audit), { status: 201 });
});
