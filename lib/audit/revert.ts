import type { Db } from "@/lib/db";
import { writeTransaction } from "@/lib/data-version";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth-principal";
import type { EventDto } from "@/lib/events/queries";
import { createEventTx, deleteEventTx, updateEventTx } from "@/lib/events/mutations";
import type { TEventInput } from "@/lib/events/schemas";

/** Entities whose changes can be undone from the history (deployments and aid records follow). */
export const REVERTIBLE_ENTITIES = ["event"] as const;

/** A stored event as the body that would create it again (its sources by id: sources are never deleted). */
export function eventInputOf(e: EventDto): TEventInput {
  return {
    id: e.id,
    date: e.date,
    title: e.title,
    summary: e.summary,
    actors: e.actors,
    type: e.type,
    severity: e.severity,
    confidence: e.confidence,
    sources: e.sources.map((s) => s.id),
  };
}

/**
 * Puts an entity back to how it was before the audited change `entryId`:
 * gone again if the change created it, as it was if it changed or deleted
 * it. The undo is itself a change, audited as "revert" with a link to the
 * entry it undid, in the same transaction.
 */
export async function revertAuditEntry(db: Db, principal: Principal, entryId: string, comment?: string | null): Promise<{ id: string }> {
  return writeTransaction(db, async (tx) => {
    const entry = await tx.auditEntry.findUnique({ where: { id: entryId } });
    if (!entry) throw new AppError("NOT_FOUND", `No audit entry with id "${entryId}"`);
    if (!(REVERTIBLE_ENTITIES as readonly string[]).includes(entry.entity) || !["create", "update", "delete", "publish", "revert"].includes(entry.action)) {
      throw new AppError("BAD_REQUEST", `A ${entry.action} of ${entry.entity} cannot be reverted here`, [{ path: ["id"], message: "not a revertible change" }]);
    }
    const target = entry.before ? (JSON.parse(entry.before) as EventDto) : null;
    const exists = (await tx.event.findUnique({ where: { id: entry.entityId }, select: { id: true } })) !== null;
    const audit = { actor: principal, action: "revert" as const, comment: comment ?? null, revertOf: entry.id };
    if (target === null) {
      if (!exists) throw new AppError("CONFLICT", `Event "${entry.entityId}" is gone already`);
      await deleteEventTx(tx, entry.entityId, audit);
    } else if (exists) {
      const { id: _id, ...fields } = eventInputOf(target);
      await updateEventTx(tx, entry.entityId, fields, audit);
    } else {
      await createEventTx(tx, entry.entityId, eventInputOf(target), audit);
    }
    const last = await tx.auditEntry.findFirst({ where: { revertOf: entry.id }, orderBy: { at: "desc" }, select: { id: true } });
    return { id: last!.id };
  });
}
