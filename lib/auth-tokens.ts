import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db, DbTx } from "@/lib/db";
import { writeTransaction } from "@/lib/data-version";
import { AppError } from "@/lib/errors";
import { generateToken, hashToken } from "@/lib/auth";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth-principal";
import { ROLES, isRole, roleRank } from "@/lib/permissions/roles";
import { ZIsoDate, dateFromIso } from "@/lib/domain/common-schemas";

export const ZTokenCreate = z.object({
  label: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  /** Last day the token works (UTC); omitted: no expiry. */
  expiresOn: ZIsoDate.optional(),
  /** Whose token it is; default the admin making it. */
  userId: z.string().min(1).max(200).optional(),
});
export type TTokenCreate = z.infer<typeof ZTokenCreate>;

export const ZRevokeQuery = z.object({ id: z.string().min(1).max(100) });

export interface ApiTokenDto {
  id: string;
  label: string;
  role: string;
  owner: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

type Row = { id: string; label: string; role: string; createdAt: Date; expiresAt: Date | null; revokedAt: Date | null; user?: { email: string } | null };
const toDto = (t: Row): ApiTokenDto => ({
  id: t.id,
  label: t.label,
  role: t.role,
  owner: t.user?.email ?? null,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

/** Creates a token (only its hash is stored) and returns it once, with its record. */
export async function createApiToken(db: Db, actor: Principal, input: TTokenCreate, ownerId: string | null = input.userId ?? actor.userId) {
  const token = generateToken();
  const id = randomUUID();
  // The day given is the last valid one: the token stops at the end of it.
  const expiresAt = input.expiresOn ? new Date(dateFromIso(input.expiresOn).getTime() + 86_400_000) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) {
    throw new AppError("BAD_REQUEST", `Invalid field "expiresOn": the day has passed`, [{ path: ["expiresOn"], message: "must be today or later" }]);
  }
  const dto = await writeTransaction(db, async (tx) => {
    if (ownerId) {
      const owner = await tx.user.findUnique({ where: { id: ownerId } });
      if (!owner) throw new AppError("BAD_REQUEST", `Invalid field "userId": no such user`, [{ path: ["userId"], message: "no such user" }]);
      if (roleRank(input.role) > roleRank(isRole(owner.role) ? owner.role : "viewer")) {
        throw new AppError("BAD_REQUEST", `Invalid field "role": a token cannot act above its owner's role (${owner.role})`, [
          { path: ["role"], message: "above the owner's role" },
        ]);
      }
    }
    const row = await tx.apiToken.create({
      data: { id, label: input.label, role: input.role, tokenHash: hashToken(token), userId: ownerId, expiresAt },
      include: { user: true },
    });
    await recordAudit(tx, actor, { action: "token.create", entity: "api_token", entityId: id, after: toDto(row) });
    return toDto(row);
  });
  return { token, ...dto };
}

export async function listApiTokens(db: DbTx): Promise<ApiTokenDto[]> {
  const rows = await db.apiToken.findMany({ include: { user: true }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 1000 });
  return rows.map(toDto);
}

export async function revokeApiToken(db: Db, actor: Principal, id: string): Promise<ApiTokenDto> {
  return writeTransaction(db, async (tx) => {
    const before = await tx.apiToken.findUnique({ where: { id }, include: { user: true } });
    if (!before) throw new AppError("NOT_FOUND", `No token with id "${id}"`);
    if (before.revokedAt) return toDto(before);
    const after = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() }, include: { user: true } });
    await recordAudit(tx, actor, { action: "token.revoke", entity: "api_token", entityId: id, before: toDto(before), after: toDto(after) });
    return toDto(after);
  });
}
