import { getDb } from "@/lib/db";
import { parseJsonBody, parseQuery, route } from "@/lib/http";
import { requireWriteToken } from "@/lib/auth";
import { snapshotJson } from "@/lib/snapshot-response";
import { ZEventInput, ZEventsQuery } from "@/lib/events/schemas";
import { listEvents } from "@/lib/events/queries";
import { createEvent } from "@/lib/events/mutations";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const q = parseQuery(ZEventsQuery, req.url);
  return snapshotJson(req, (tx) => listEvents(tx, q));
});

export const POST = route(async (req) => {
  const db = getDb();
  await requireWriteToken(req, db);
  return Response.json(await createEvent(db, await parseJsonBody(ZEventInput, req)), { status: 201 });
});
