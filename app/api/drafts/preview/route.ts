import { getDb } from "@/lib/db";
import { parseJsonBody, route } from "@/lib/http";
import { requirePermission } from "@/lib/auth-principal";
import { ZEventInput } from "@/lib/events/schemas";
import { previewEventEffect } from "@/lib/drafts/preview-effect";
import { getAllEvents } from "@/lib/events/queries";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** What an event would add to the index on its date and a month later (the index's own engine; nothing is stored). */
export const POST = route(async (req) => {
  const db = getDb();
  await requirePermission(req, db, "draft.create");
  const input = await parseJsonBody(ZEventInput, req);
  const events = await getAllEvents(db);
  try {
    return Response.json(previewEventEffect(events, { ...input, id: input.id ?? "__preview__" }));
  } catch (e) {
    if (e instanceof RangeError) throw new AppError("BAD_REQUEST", e.message, [{ path: ["date"], message: e.message }], { cause: e });
    throw e;
  }
});
