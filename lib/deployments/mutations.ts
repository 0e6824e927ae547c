import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { writeTransaction } from "@/lib/data-version";
import { AppError } from "@/lib/errors";
import { dateFromIso } from "@/lib/domain/common-schemas";
import { resolveSourceRefs } from "@/lib/sources/resolve-source-refs";
import { getDeployment, type DeploymentDto } from "@/lib/deployments/queries";
import type { TDeploymentInput, TDeploymentPatch } from "@/lib/deployments/schemas";
import { audited, type AuditContext } from "@/lib/audit/audited";

function fields(input: TDeploymentPatch) {
  const { sources: _sources, date, ...rest } = input;
  return { ...rest, ...(date !== undefined ? { date: dateFromIso(date) } : {}) };
}

export async function createDeployment(db: Db, input: TDeploymentInput, audit?: AuditContext): Promise<DeploymentDto> {
  const { id: givenId, ...body } = input;
  const id = givenId ?? `dep-${input.date}-${randomUUID().slice(0, 8)}`;
  await writeTransaction(db, (tx) =>
    audited(tx, audit, { entity: "deployment", id, op: "create", read: getDeployment }, async () => {
      const sourceIds = await resolveSourceRefs(tx, input.sources);
      await tx.deployment.create({
        data: {
          id,
          ...fields(body),
          date: dateFromIso(input.date),
          deployingCountry: input.deployingCountry,
          hostCountry: input.hostCountry,
          location: input.location,
          forceType: input.forceType,
          status: input.status,
          sources: { create: sourceIds.map((sourceId) => ({ sourceId })) },
        },
      });
    }),
  );
  return (await getDeployment(db, id))!;
}

export async function updateDeployment(db: Db, id: string, patch: TDeploymentPatch, audit?: AuditContext): Promise<DeploymentDto> {
  await writeTransaction(db, (tx) =>
    audited(tx, audit, { entity: "deployment", id, op: "update", read: getDeployment }, async () => {
      const existing = await tx.deployment.findUnique({ where: { id } });
      if (!existing) throw new AppError("NOT_FOUND", `No deployment with id "${id}"`);
      const low = patch.personnelLow !== undefined ? patch.personnelLow : existing.personnelLow;
      const high = patch.personnelHigh !== undefined ? patch.personnelHigh : existing.personnelHigh;
      if (low != null && high != null && low > high) {
        throw new AppError("BAD_REQUEST", `Invalid field "personnelLow": must not exceed personnelHigh (${high})`, [
          { path: ["personnelLow"], message: "must not exceed personnelHigh" },
        ]);
      }
      const sourceIds = patch.sources ? await resolveSourceRefs(tx, patch.sources) : null;
      await tx.deployment.update({
        where: { id },
        data: {
          ...fields(patch),
          ...(sourceIds ? { sources: { deleteMany: {}, create: sourceIds.map((sourceId) => ({ sourceId })) } } : {}),
        },
      });
    }),
  );
  return (await getDeployment(db, id))!;
}

export async function deleteDeployment(db: Db, id: string, audit?: AuditContext): Promise<void> {
  await writeTransaction(db, (tx) =>
    audited(tx, audit, { entity: "deployment", id, op: "delete", read: getDeployment }, async () => {
      // Thrown inside the transaction, so a missing id rolls back the version bump too.
      const { count } = await tx.deployment.deleteMany({ where: { id } });
      if (count === 0) throw new AppError("NOT_FOUND", `No deployment with id "${id}"`);
    }),
  );
}
