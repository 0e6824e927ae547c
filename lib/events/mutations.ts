import { randomUUID } from "node:crypto";
import type { Db, DbTx } from "@/lib/db";
import { writeTransaction } from "@/lib/data-version";
import { AppError } from "@/lib/errors";
import { dateFromIso } from "@/lib/domain/common-schemas";
import { resolveSourceRefs } from "@/lib/sources/resolve-source-refs";
import { getEvent, type EventDto } from "@/lib/events/queries";
import type { TEventInput, TEventPatch } from "@/lib/events/schemas";
import { audited, type AuditContext } from "@/lib/audit/audited";

/** The actor rows of an event, in the order given (codes already validated and deduplicated by the schema). */
export function actorRows(codes: readonly string[]) {
  return codes.map((actorCode, position) => ({ actorCode, position }));
}

function fields(input: TEventPatch) {
  return {
    ...(input.date !== undefined ? { date: dateFromIso(input.date) } : {}),
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.summary !== undefined ? { summary: input.summary } : {}),
    ...(input.type !== undefined ? { type: input.type } : {}),
    ...(input.severity !== undefined ? { severity: input.severity } : {}),
    ...(input.confidence !== undefined ? { confidence: input.confidence } : {}),
  };
}

/** The id a new event gets: the one given, or one derived from its date. Drafts fix it when they are made. */
export function newEventId(input: Pick<TEventInput, "id" | "date">): string {
  return input.id ?? `evt-${input.date}-${randomUUID().slice(0, 8)}`;
}

/** The writes themselves, inside a caller's transaction (publishing a draft and reverting run them with their own bookkeeping). */
export async function createEventTx(tx: DbTx, id: string, input: TEventInput, audit?: AuditContext): Promise<void> {
  await audited(tx, audit, { entity: "event", id, op: "create", read: getEvent }, async () => {
    const sourceIds = await resolveSourceRefs(tx, input.sources);
    await tx.event.create({
      data: {
        id,
        ...fields(input),
        date: dateFromIso(input.date),
        title: input.title,
        summary: input.summary,
        type: input.type,
        severity: input.severity,
        confidence: input.confidence,
        sources: { create: sourceIds.map((sourceId) => ({ sourceId })) },
        actors: { create: actorRows(input.actors) },
      },
    });
  });
}

export async function updateEventTx(tx: DbTx, id: string, patch: TEventPatch, audit?: AuditContext): Promise<void> {
  await audited(tx, audit, { entity: "event", id, op: "update", read: getEvent }, async () => {
    const existing = await tx.event.findUnique({ where: { id } });
    if (!existing) throw new AppError("NOT_FOUND", `No event with id "${id}"`);
    // The sign rule must hold for the merged record, not just the patch.
    const type = patch.type ?? existing.type;
    const severity = patch.severity ?? existing.severity;
    if ((type === "de_escalation") !== severity < 0) {
      throw new AppError("BAD_REQUEST", `Invalid field "severity": must be negative for de_escalation and positive otherwise`, [
        { path: ["severity"], message: "sign does not match the event type" },
      ]);
    }
    const sourceIds = patch.sources ? await resolveSourceRefs(tx, patch.sources) : null;
    await tx.event.update({
      where: { id },
      data: {
        ...fields(patch),
        ...(sourceIds ? { sources: { deleteMany: {}, create: sourceIds.map((sourceId) => ({ sourceId })) } } : {}),
        ...(patch.actors ? { actors: { deleteMany: {}, create: actorRows(patch.actors) } } : {}),
      },
    });
  });
}

export async function deleteEventTx(tx: DbTx, id: string, audit?: AuditContext): Promise<void> {
  await audited(tx, audit, { entity: "event", id, op: "delete", read: getEvent }, async () => {
    // Thrown inside the transaction, so a missing id rolls back the version bump too.
    const { count } = await tx.event.deleteMany({ where: { id } });
    if (count === 0) throw new AppError("NOT_FOUND", `No event with id "${id}"`);
  });
}

export async function createEvent(db: Db, input: TEventInput, audit?: AuditContext): Promise<EventDto> {
  const id = newEventId(input);
  await writeTransaction(db, (tx) => createEventTx(tx, id, input, audit));
  return (await getEvent(db, id))!;
}

export async function updateEvent(db: Db, id: string, patch: TEventPatch, audit?: AuditContext): Promise<EventDto> {
  await writeTransaction(db, (tx) => updateEventTx(tx, id, patch, audit));
  return (await getEvent(db, id))!;
}

export async function deleteEvent(db: Db, id: string, audit?: AuditContext): Promise<void> {
  await writeTransaction(db, (tx) => deleteEventTx(tx, id, audit));
}
