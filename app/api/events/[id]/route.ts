import { itemRoutes } from "@/lib/item-routes";
import { ZEventPatch } from "@/lib/events/schemas";
import { getEvent } from "@/lib/events/queries";
import { deleteEvent, updateEvent } from "@/lib/events/mutations";

export const dynamic = "force-dynamic";

export const { GET, PATCH, DELETE } = itemRoutes({
  noun: "event",
  get: getEvent,
  update: updateEvent,
  remove: deleteEvent,
  patchSchema: ZEventPatch,
});
