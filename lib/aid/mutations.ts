import { randomUUID } from "node:crypto";
import type { Db, DbTx } from "@/lib/db";
import { writeTransaction } from "@/lib/data-version";
import { periodMonthOf } from "@/lib/aid/period-month";
import { AppError } from "@/lib/errors";
import { dateFromIso, isoFromDate } from "@/lib/domain/common-schemas";
import { resolveSourceRefs } from "@/lib/sources/resolve-source-refs";
import { aidRecordId } from "@/lib/seed/load-seed";
import { refreshAidRollupTx } from "@/lib/aid/rollup";
import type { TAidRecordInput, TAidRecordPatch } from "@/lib/aid/schemas";
import { audited, type AuditContext } from "@/lib/audit/audited";

type Tx = DbTx;

async function assertDonor(tx: Tx, code: string) {
  if (!(await tx.donor.findUnique({ where: { code } }))) {
    throw new AppError("BAD_REQUEST", `Invalid field "donorCode": unknown donor "${code}"`, [{ path: ["donorCode"], message: `unknown donor "${code}"` }]);
  }
}

/** Tracker datasets are written only by their importer: a hand edit would vanish at the next release. */
async function assertWritableDataset(tx: Tx, datasetId: string) {
  const ds = await tx.dataset.findUnique({ where: { id: datasetId } });
  if (!ds) {
    throw new AppError("BAD_REQUEST", `Invalid field "datasetId": unknown dataset "${datasetId}"`, [
      { path: ["datasetId"], message: `unknown dataset "${datasetId}"` },
    ]);
  }
  if (ds.kind === "tracker") {
    throw new AppError("BAD_REQUEST", `Invalid field "datasetId": "${datasetId}" is a tracker release, written only by its importer`, [
      { path: ["datasetId"], message: "tracker releases are read-only" },
    ]);
  }
}

const withSources = { sources: { include: { source: true } }, donor: true } as const;

export async function getAidRecord(db: Db | Tx, id: string) {
  const r = await db.aidRecord.findUnique({ where: { id }, include: withSources });
  if (!r) return null;
  return {
    id: r.id,
    datasetId: r.datasetId,
    externalKey: r.externalKey,
    donorCode: r.donorCode,
    donorName: r.donor.name,
    date: isoFromDate(r.date),
    granularity: r.granularity,
    category: r.category,
    subcategory: r.subcategory,
    measure: r.measure,
    amount: r.amount,
    currency: r.currency,
    notes: r.notes,
    sources: r.sources.map((s) => ({ id: s.source.id, publisher: s.source.publisher, title: s.source.title, url: s.source.url })),
  };
}

export async function createAidRecord(db: Db, input: TAidRecordInput, audit?: AuditContext) {
  const externalKey = input.externalKey ?? randomUUID();
  const id = aidRecordId(input.datasetId, externalKey);
  await writeTransaction(db, (tx) =>
    audited(tx, audit, { entity: "aid_record", id, op: "create", read: getAidRecord }, async () => {
      await assertWritableDataset(tx, input.datasetId);
      await assertDonor(tx, input.donorCode);
      const sourceIds = await resolveSourceRefs(tx, input.sources);
      await tx.aidRecord.create({
        data: {
          id,
          datasetId: input.datasetId,
          externalKey,
          donorCode: input.donorCode,
          date: dateFromIso(input.date),
          periodMonth: periodMonthOf(dateFromIso(input.date)),
          granularity: input.granularity,
          category: input.category,
          subcategory: input.subcategory ?? null,
          measure: input.measure,
          amount: input.amount,
          currency: input.currency,
          notes: input.notes ?? null,
          sources: { create: sourceIds.map((sourceId) => ({ sourceId })) },
        },
      });
      await refreshAidRollupTx(tx, { datasetId: input.datasetId, slices: [sliceOf({ measure: input.measure, date: dateFromIso(input.date) })] });
    }),
  );
  return (await getAidRecord(db, id))!;
}

export async function updateAidRecord(db: Db, id: string, patch: TAidRecordPatch, audit?: AuditContext) {
  await writeTransaction(db, (tx) =>
    audited(tx, audit, { entity: "aid_record", id, op: "update", read: getAidRecord }, async () => {
      const existing = await tx.aidRecord.findUnique({ where: { id } });
      if (!existing) throw new AppError("NOT_FOUND", `No aid record with id "${id}"`);
      await assertWritableDataset(tx, existing.datasetId);
      if (patch.donorCode) await assertDonor(tx, patch.donorCode);
      const { sources, date, ...rest } = patch;
      const sourceIds = sources ? await resolveSourceRefs(tx, sources) : null;
      await tx.aidRecord.update({
        where: { id },
        data: {
          ...rest,
          ...(date ? { date: dateFromIso(date), periodMonth: periodMonthOf(dateFromIso(date)) } : {}),
          ...(sourceIds ? { sources: { deleteMany: {}, create: sourceIds.map((sourceId) => ({ sourceId })) } } : {}),
        },
      });
      const after = await tx.aidRecord.findUniqueOrThrow({ where: { id } });
      await refreshAidRollupTx(tx, { datasetId: existing.datasetId, slices: [sliceOf(existing), sliceOf(after)] });
    }),
  );
  return (await getAidRecord(db, id))!;
}

export async function deleteAidRecord(db: Db, id: string, audit?: AuditContext): Promise<void> {
  await writeTransaction(db, (tx) =>
    audited(tx, audit, { entity: "aid_record", id, op: "delete", read: getAidRecord }, async () => {
      const existing = await tx.aidRecord.findUnique({ where: { id } });
      if (!existing) throw new AppError("NOT_FOUND", `No aid record with id "${id}"`);
      await assertWritableDataset(tx, existing.datasetId);
      await tx.aidRecord.delete({ where: { id } });
      await refreshAidRollupTx(tx, { datasetId: existing.datasetId, slices: [sliceOf(existing)] });
    }),
  );
}

/** The rollup slice a record is summed into. */
function sliceOf(r: { measure: string; date: Date }) {
  return { measure: r.measure, periodMonth: periodMonthOf(r.date) };
}
