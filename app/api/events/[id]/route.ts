import { itemRoutes } from "@/lib/item-routes";
import { ZEventPatch } from "@/lib/events/schemas";
import { getEvent } from "@/lib/events/queries";
import { deleteEvent, updateEvent } from "@/lib/events/mutations";
import { createEventDraft } from "@/lib/drafts/event-drafts";

export const dynamic = "force-dynamic";

export const { GET, PATCH, DELETE } = itemRoutes({
  noun: "event",
  get: getEvent,
  update: updateEvent,
  remove: deleteEvent,
  patchSchema: ZEventPatch,
  drafts: {
    update: (db, principal, id, patch, comment) => createEventDraft(db, principal, { action: "update", id, patch }, comment),
    remove: (db, principal, id, comment) => createEventDraft(db, principal, { action: "delete", id }, comment),
  },
});
