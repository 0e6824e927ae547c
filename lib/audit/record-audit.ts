import { randomUUID } from "node:crypto";
import type { DbTx } from "@/lib/db";
import type { Principal } from "@/lib/auth-principal";

export const AUDIT_ACTIONS = [
  "create",
  "update",
  "delete",
  "draft",
  "publish",
  "reject",
  "revert",
  "import",
  "token.create",
  "token.revoke",
  "user.create",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITIES = ["event", "deployment", "aid_record", "draft", "api_token", "user", "import"] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export interface AuditInput {
  action: AuditAction;
  entity: AuditEntity;
  entityId: string;
  before?: unknown;
  after?: unknown;
  comment?: string | null;
  revertOf?: string | null;
}

/** Who acted, as the audit trail stores it. */
export type AuditActor = Pick<Principal, "userId" | "label">;

/**
 * Writes one audit row. Callers pass the transaction of the change itself,
 * so a change and its record commit or roll back together.
 */
export async function recordAudit(tx: DbTx, actor: AuditActor, input: AuditInput): Promise<string> {
  const id = randomUUID();
  await tx.auditEntry.create({
    data: {
      id,
      userId: actor.userId,
      actor: actor.label,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId,
      before: input.before === undefined || input.before === null ? null : JSON.stringify(input.before),
      after: input.after === undefined || input.after === null ? null : JSON.stringify(input.after),
      comment: input.comment ?? null,
      revertOf: input.revertOf ?? null,
    },
  });
  return id;
}

/**
 * Puts a finished import into the history. Imports commit in their own
 * (batched, raw) transactions, so this row follows the import's commit rather
 * than sharing it; the ImportRun the import wrote stays the record of its content.
 */
export async function recordImport(
  db: DbTx,
  actor: AuditActor,
  result: { outcome: string; dryRun: boolean; importRunId: string | null; datasetId: string; fileHash: string; recordCount?: number },
  comment?: string | null,
): Promise<void> {
  if (result.dryRun || result.outcome === "dry-run") return;
  await recordAudit(db, actor, {
    action: "import",
    entity: "import",
    entityId: result.importRunId ?? result.datasetId,
    after: {
      outcome: result.outcome,
      datasetId: result.datasetId,
      fileHash: result.fileHash,
      importRunId: result.importRunId,
      recordCount: result.recordCount ?? null,
    },
    comment,
  });
}
