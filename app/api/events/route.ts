import { getDb } from "@/lib/db";
import { parseJsonBody, parseQuery, route } from "@/lib/http";
import { writeAccess } from "@/lib/item-routes";
import { snapshotJson } from "@/lib/snapshot-response";
import { ZEventInput, ZEventsQuery } from "@/lib/events/schemas";
import { listEvents } from "@/lib/events/queries";
import { createEvent } from "@/lib/events/mutations";
import { createEventDraft } from "@/lib/drafts/event-drafts";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const q = parseQuery(ZEventsQuery, req.url);
  return snapshotJson(req, (tx) => listEvents(tx, q));
});

/** Admins and admin tokens publish at once (201); editors and reviewers leave a draft for review (202). */
export const POST = route(async (req) => {
  const db = getDb();
  const { principal, direct, audit } = await writeAccess(req, db, true);
  const input = await parseJsonBody(ZEventInput, req);
  if (!direct) return Response.json(await createEventDraft(db, principal, { action: "create", input }, audit.comment), { status: 202 });
  return Response.json(await createEvent(db, input, audit), { status: 201 });
});
