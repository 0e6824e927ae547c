import type { DbTx } from "@/lib/db";
import { recordAudit, type AuditAction, type AuditActor, type AuditEntity } from "@/lib/audit/record-audit";

/** Who is writing and why; passed down to every mutation that must leave an audit row. */
export interface AuditContext {
  actor: AuditActor;
  comment?: string | null;
  /** Overrides the action the operation implies (a draft's publication is "publish", an undo "revert"). */
  action?: AuditAction;
  revertOf?: string | null;
}

/**
 * Runs `write` inside the caller's transaction between two reads of the
 * entity, and records the before/after pair. Without a context (seeds,
 * fixtures) the write runs unaudited.
 */
export async function audited<R>(
  tx: DbTx,
  ctx: AuditContext | undefined,
  target: { entity: AuditEntity; id: string; op: "create" | "update" | "delete"; read: (tx: DbTx, id: string) => Promise<unknown> },
  write: () => Promise<R>,
): Promise<R> {
  if (!ctx) return write();
  const before = target.op === "create" ? null : await target.read(tx, target.id);
  const result = await write();
  const after = target.op === "delete" ? null : await target.read(tx, target.id);
  await recordAudit(tx, ctx.actor, {
    action: ctx.action ?? target.op,
    entity: target.entity,
    entityId: target.id,
    before,
    after,
    comment: ctx.comment,
    revertOf: ctx.revertOf,
  });
  return result;
}

/** Longest "why" a change may carry. */
export const MAX_COMMENT_LENGTH = 2000;

/**
 * The optional reason a write gives for itself, sent as the X-Change-Comment
 * header (percent-encoded, so any language fits in a header), so that every
 * write body keeps exactly the fields of its schema.
 */
export function changeComment(req: Request): string | null {
  const raw = req.headers.get("x-change-comment");
  if (raw === null || raw.trim() === "") return null;
  let text: string;
  try {
    text = decodeURIComponent(raw).trim();
  } catch {
    text = raw.trim();
  }
  return text.slice(0, MAX_COMMENT_LENGTH);
}
