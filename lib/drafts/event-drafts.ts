import { randomUUID } from "node:crypto";
import type { Db, DbTx } from "@/lib/db";
import { writeTransaction } from "@/lib/data-version";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth-principal";
import { getEvent, type EventDto } from "@/lib/events/queries";
import { ZEventInput, ZEventPatch, type TEventInput, type TEventPatch } from "@/lib/events/schemas";
import { createEventTx, deleteEventTx, newEventId, updateEventTx } from "@/lib/events/mutations";
import { diffFields, type FieldChange } from "@/lib/drafts/diff-fields";
import type { DraftAction } from "@/lib/drafts/schemas";

/** The fields of an event a reviewer compares (display-only fields such as labels are derived from these). */
export const EVENT_DIFF_FIELDS = ["date", "title", "summary", "type", "severity", "confidence", "actors", "sources"] as const;

export interface DraftDto {
  id: string;
  entity: string;
  entityId: string;
  action: DraftAction;
  status: string;
  author: string;
  comment: string | null;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  reviewComment: string | null;
  /** What the draft proposes, as the API body it was validated as. */
  payload: unknown;
  changes: FieldChange[];
}

type Proposal = { action: "create"; input: TEventInput } | { action: "update"; id: string; patch: TEventPatch } | { action: "delete"; id: string };

/** Sources compare by what a reader sees: an inline source by its URL, a stored one by its id. */
function sourceKeys(sources: readonly (string | { url: string; id?: string })[] | readonly { id: string; url: string }[]): string[] {
  return sources.map((s) => (typeof s === "string" ? s : s.url));
}

function eventFieldsOf(e: EventDto): Record<string, unknown> {
  return { ...e, sources: sourceKeys(e.sources) };
}

/** The entity as the draft would leave it, for the diff. */
function proposedFields(current: EventDto | null, action: DraftAction, payload: TEventInput | TEventPatch): Record<string, unknown> | null {
  if (action === "delete") return null;
  const base = current ? eventFieldsOf(current) : {};
  const p = payload as Record<string, unknown>;
  return { ...base, ...p, ...(p.sources ? { sources: sourceKeys(p.sources as never) } : {}) };
}

/** Inline sources are created when the draft is published; referenced ones must exist now. */
async function assertSourceIds(tx: DbTx, sources: TEventPatch["sources"]) {
  for (const [i, ref] of (sources ?? []).entries()) {
    if (typeof ref === "string" && !(await tx.source.findUnique({ where: { id: ref }, select: { id: true } }))) {
      throw new AppError("BAD_REQUEST", `Invalid field "sources.${i}": unknown source id "${ref}"`, [
        { path: ["sources", i], message: `unknown source id "${ref}"` },
      ]);
    }
  }
}

/**
 * Stores an editor's change as a pending draft (the published data is not
 * touched) and audits it. An id is fixed now for a new event, so the review,
 * the publication and any later revert all name the same entity.
 */
export async function createEventDraft(db: Db, principal: Principal, proposal: Proposal, comment?: string | null): Promise<DraftDto> {
  const draftId = randomUUID();
  await writeTransaction(db, async (tx) => {
    let entityId: string;
    let payload: TEventInput | TEventPatch | Record<string, never>;
    if (proposal.action === "create") {
      entityId = newEventId(proposal.input);
      if (await tx.event.findUnique({ where: { id: entityId }, select: { id: true } }))
        throw new AppError("CONFLICT", `An event with id "${entityId}" exists already`);
      payload = { ...proposal.input, id: entityId };
      await assertSourceIds(tx, proposal.input.sources);
    } else {
      entityId = proposal.id;
      if (!(await tx.event.findUnique({ where: { id: entityId }, select: { id: true } }))) throw new AppError("NOT_FOUND", `No event with id "${entityId}"`);
      payload = proposal.action === "update" ? proposal.patch : {};
      if (proposal.action === "update") await assertSourceIds(tx, proposal.patch.sources);
    }
    await tx.draft.create({
      data: {
        id: draftId,
        entity: "event",
        entityId,
        action: proposal.action,
        payload: JSON.stringify(payload),
        authorId: principal.userId,
        author: principal.label,
        comment: comment ?? null,
      },
    });
    await recordAudit(tx, principal, {
      action: "draft",
      entity: "draft",
      entityId: draftId,
      after: { entity: "event", entityId, action: proposal.action, payload },
      comment,
    });
  });
  return (await getDraft(db, draftId))!;
}

async function toDraftDto(db: DbTx, row: NonNullable<Awaited<ReturnType<DbTx["draft"]["findUnique"]>>>): Promise<DraftDto> {
  const payload = JSON.parse(row.payload) as TEventInput | TEventPatch;
  const action = row.action as DraftAction;
  // A decided draft's diff would compare against today's data, not what the reviewer saw: only pending ones carry it.
  const current = row.status === "pending" ? await getEvent(db, row.entityId) : null;
  const changes =
    row.status === "pending" ? diffFields(current ? eventFieldsOf(current) : null, proposedFields(current, action, payload), EVENT_DIFF_FIELDS) : [];
  return {
    id: row.id,
    entity: row.entity,
    entityId: row.entityId,
    action,
    status: row.status,
    author: row.author,
    comment: row.comment,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: row.decidedBy,
    reviewComment: row.reviewComment,
    payload,
    changes,
  };
}

export async function getDraft(db: DbTx, id: string): Promise<DraftDto | null> {
  const row = await db.draft.findUnique({ where: { id } });
  return row ? toDraftDto(db, row) : null;
}

export async function listDrafts(db: DbTx, status: string): Promise<DraftDto[]> {
  const rows = await db.draft.findMany({ where: { status }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 200 });
  return Promise.all(rows.map((r) => toDraftDto(db, r)));
}

async function pendingDraft(tx: DbTx, id: string) {
  const row = await tx.draft.findUnique({ where: { id } });
  if (!row) throw new AppError("NOT_FOUND", `No draft with id "${id}"`);
  if (row.status !== "pending") throw new AppError("CONFLICT", `The draft was ${row.status} already`);
  return row;
}

/**
 * Applies a pending draft to the published data, audited as "publish", in one
 * transaction with the draft's change of status. The payload is validated
 * again with the route's own schema: the data may have moved since.
 */
export async function publishDraft(db: Db, principal: Principal, id: string, comment?: string | null): Promise<DraftDto> {
  await writeTransaction(db, async (tx) => {
    const row = await pendingDraft(tx, id);
    const audit = { actor: principal, action: "publish" as const, comment: comment ?? row.comment };
    const raw = JSON.parse(row.payload);
    if (row.action === "create") await createEventTx(tx, row.entityId, ZEventInput.parse(raw), audit);
    else if (row.action === "update") await updateEventTx(tx, row.entityId, ZEventPatch.parse(raw), audit);
    else await deleteEventTx(tx, row.entityId, audit);
    await tx.draft.update({ where: { id }, data: { status: "published", decidedAt: new Date(), decidedBy: principal.label, reviewComment: comment ?? null } });
  });
  return (await getDraft(db, id))!;
}

export async function rejectDraft(db: Db, principal: Principal, id: string, comment: string): Promise<DraftDto> {
  await writeTransaction(db, async (tx) => {
    await pendingDraft(tx, id);
    await tx.draft.update({ where: { id }, data: { status: "rejected", decidedAt: new Date(), decidedBy: principal.label, reviewComment: comment } });
    await recordAudit(tx, principal, { action: "reject", entity: "draft", entityId: id, comment });
  });
  return (await getDraft(db, id))!;
}

/** Pending event drafts applied over the published events, each marked, for the index preview. */
export async function eventsWithDrafts(db: DbTx, published: EventDto[]): Promise<(EventDto & { draft?: string })[]> {
  const drafts = await db.draft.findMany({ where: { status: "pending", entity: "event" }, orderBy: { createdAt: "asc" } });
  const byId = new Map<string, EventDto & { draft?: string }>(published.map((e) => [e.id, e]));
  for (const d of drafts) {
    const payload = JSON.parse(d.payload) as Record<string, unknown>;
    if (d.action === "delete") byId.delete(d.entityId);
    else {
      const base = byId.get(d.entityId);
      if (d.action === "update" && !base) continue;
      byId.set(d.entityId, {
        ...(base as EventDto),
        ...(payload as Partial<EventDto>),
        sources: base?.sources ?? [],
        id: d.entityId,
        draft: d.id,
      } as EventDto & { draft: string });
    }
  }
  return [...byId.values()].sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? -1 : 1));
}
