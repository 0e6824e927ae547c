import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db, DbTx } from "@/lib/db";
import { writeTransaction } from "@/lib/data-version";
import { AppError } from "@/lib/errors";
import { getAuth } from "@/lib/auth-server";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { ROLES } from "@/lib/permissions/roles";

export const MIN_PASSWORD_LENGTH = 12;

export const ZUserCreate = z.object({
  email: z
    .email()
    .max(320)
    .transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES),
  password: z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(256),
});
export type TUserCreate = z.infer<typeof ZUserCreate>;

export const ZUserRoleChange = z.object({ id: z.string().min(1).max(100), role: z.enum(ROLES) });

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: string;
  createdAt: string;
}

const toDto = (u: { id: string; email: string; name: string; role: string; createdAt: Date }): UserDto => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  createdAt: u.createdAt.toISOString(),
});

/**
 * Creates a user who signs in with email and password. The password is hashed
 * by better-auth's own hasher (scrypt), and the user and credential rows are
 * written with the audit record in one transaction. `actor` is null for the
 * first admin, made from the command line.
 */
export async function createUserAccount(db: Db, actor: AuditActor | null, input: TUserCreate): Promise<UserDto> {
  const hash = await (await getAuth(db).$context).password.hash(input.password);
  const id = randomUUID();
  return writeTransaction(db, async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", `A user with email ${input.email} exists already`);
    }
    const user = await tx.user.create({ data: { id, email: input.email, name: input.name ?? input.email.split("@")[0], role: input.role } });
    await tx.account.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash } });
    await recordAudit(tx, actor ?? { userId: null, label: "cli" }, { action: "user.create", entity: "user", entityId: id, after: toDto(user) });
    return toDto(user);
  });
}

export async function listUsers(db: DbTx): Promise<UserDto[]> {
  const rows = await db.user.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 1000 });
  return rows.map(toDto);
}

/** Changes a user's role; their open sessions and tokens follow at once (roles are read per request). */
export async function setUserRole(db: Db, actor: AuditActor, id: string, role: (typeof ROLES)[number]): Promise<UserDto> {
  return writeTransaction(db, async (tx) => {
    const before = await tx.user.findUnique({ where: { id } });
    if (!before) throw new AppError("NOT_FOUND", `No user with id "${id}"`);
    const after = await tx.user.update({ where: { id }, data: { role } });
    await recordAudit(tx, actor, { action: "update", entity: "user", entityId: id, before: toDto(before), after: toDto(after) });
    return toDto(after);
  });
}
