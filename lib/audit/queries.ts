import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { DbTx } from "@/lib/db";
import { ZIsoDate, dateFromIso } from "@/lib/domain/common-schemas";
import { AUDIT_ENTITIES } from "@/lib/audit/record-audit";

export const ZAuditQuery = z
  .object({
    /** A user's id or email, or "token:<label>". */
    user: z.string().trim().min(1).max(320).optional(),
    entity: z.enum(AUDIT_ENTITIES).optional(),
    entityId: z.string().min(1).max(200).optional(),
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(100),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["from"], message: "`from` must not be after `to`" });
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export interface AuditEntryDto {
  id: string;
  at: string;
  userId: string | null;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  comment: string | null;
  revertOf: string | null;
}

function whereFor(q: TAuditQuery): Prisma.AuditEntryWhereInput {
  const end = q.to ? new Date(dateFromIso(q.to).getTime() + 86_400_000) : undefined;
  return {
    ...(q.user ? { OR: [{ userId: q.user }, { actor: q.user }] } : {}),
    ...(q.entity ? { entity: q.entity } : {}),
    ...(q.entityId ? { entityId: q.entityId } : {}),
    ...(q.from || end ? { at: { ...(q.from ? { gte: dateFromIso(q.from) } : {}), ...(end ? { lt: end } : {}) } } : {}),
  };
}

/** Newest first; `to` includes its whole day. */
export async function listAuditEntries(db: DbTx, q: TAuditQuery) {
  const where = whereFor(q);
  const [rows, total] = await Promise.all([
    db.auditEntry.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    db.auditEntry.count({ where }),
  ]);
  const items: AuditEntryDto[] = rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    userId: r.userId,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    before: r.before ? JSON.parse(r.before) : null,
    after: r.after ? JSON.parse(r.after) : null,
    comment: r.comment,
    revertOf: r.revertOf,
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}
