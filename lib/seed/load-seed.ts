import type { Db } from "@/lib/db";
import { writeTransaction } from "@/lib/data-version";
import { refreshAidRollupTx } from "@/lib/aid/rollup";
import { periodMonthOf } from "@/lib/aid/period-month";
import { dateFromIso } from "@/lib/domain/common-schemas";
import { sourceData } from "@/lib/sources/resolve-source-refs";
import { actorRows } from "@/lib/events/mutations";
import type { SeedData } from "@/lib/seed/seed-files";

export interface SeedCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export const CURATED_DATASET_ID = "curated";

export function aidRecordId(datasetId: string, externalKey: string): string {
  return `${datasetId}--${externalKey}`;
}

/** Normalises a row for comparison: dates as ISO strings, undefined as null. */
function normalise(obj: Record<string, unknown>): string {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj).sort()) {
    const v = obj[k];
    out[k] = v instanceof Date ? v.toISOString() : v === undefined ? null : v;
  }
  return JSON.stringify(out);
}

function pick(row: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, row[k]]));
}

/**
 * Writes the reviewed seed data. Idempotent: a row is written only when it is
 * missing or differs from the file, so a second run changes nothing (not even
 * updatedAt). Runs in one transaction: a bad file leaves the database as it was.
 */
export async function loadSeed(db: Db, data: SeedData): Promise<SeedCounts> {
  const counts: SeedCounts = { created: 0, updated: 0, unchanged: 0 };

  async function sync<T extends Record<string, unknown>>(
    existing: Record<string, unknown> | null,
    desired: T,
    create: () => Promise<unknown>,
    update: () => Promise<unknown>,
  ) {
    if (!existing) {
      await create();
      counts.created++;
    } else if (normalise(pick(existing, Object.keys(desired))) !== normalise(desired)) {
      await update();
      counts.updated++;
    } else {
      counts.unchanged++;
    }
  }

  await writeTransaction(
    db,
    async (tx) => {
      for (const s of data.sources) {
        const desired = sourceData(s);
        const existing = await tx.source.findUnique({ where: { id: s.id } });
        await sync(
          existing,
          desired,
          () => tx.source.create({ data: { id: s.id, ...desired } }),
          () => tx.source.update({ where: { id: s.id }, data: desired }),
        );
      }
      for (const d of data.donors) {
        const desired = { name: d.name, groups: d.groups.join(",") };
        const existing = await tx.donor.findUnique({ where: { code: d.code } });
        await sync(
          existing,
          desired,
          () => tx.donor.create({ data: { code: d.code, ...desired } }),
          () => tx.donor.update({ where: { code: d.code }, data: desired }),
        );
      }
      for (const ds of data.datasets) {
        const desired = {
          name: ds.name,
          kind: ds.kind,
          description: ds.description,
          asOf: ds.asOf ? dateFromIso(ds.asOf) : null,
          sourceId: ds.sourceId,
        };
        const existing = await tx.dataset.findUnique({ where: { id: ds.id } });
        await sync(
          existing,
          desired,
          () => tx.dataset.create({ data: { id: ds.id, ...desired } }),
          () => tx.dataset.update({ where: { id: ds.id }, data: desired }),
        );
      }
      for (const fx of data.fx) {
        const id = `fx-${fx.quote}-${fx.year}${fx.month ? `-${String(fx.month).padStart(2, "0")}` : ""}`;
        const desired = { quote: fx.quote, year: fx.year, month: fx.month, rate: fx.rate, sourceId: fx.sourceId };
        const existing = await tx.fxRate.findUnique({ where: { id } });
        await sync(
          existing,
          desired,
          () => tx.fxRate.create({ data: { id, ...desired } }),
          () => tx.fxRate.update({ where: { id }, data: desired }),
        );
      }
      for (const r of data.curatedAid) {
        const id = aidRecordId(CURATED_DATASET_ID, r.externalKey);
        const desired = {
          donorCode: r.donorCode,
          date: dateFromIso(r.date),
          periodMonth: periodMonthOf(dateFromIso(r.date)),
          granularity: r.granularity,
          category: r.category,
          subcategory: r.subcategory ?? null,
          measure: r.measure,
          amount: r.amount,
          currency: r.currency,
          notes: r.notes ?? null,
          sourceIds: [...r.sources].sort().join(","),
        };
        const row = await tx.aidRecord.findUnique({ where: { id }, include: { sources: true } });
        const existing = row && {
          ...row,
          sourceIds: row.sources
            .map((s) => s.sourceId)
            .sort()
            .join(","),
        };
        const { sourceIds: _ignored, ...fields } = desired;
        const links = r.sources.map((sourceId) => ({ sourceId }));
        await sync(
          existing,
          desired,
          () =>
            tx.aidRecord.create({
              data: { id, datasetId: CURATED_DATASET_ID, externalKey: r.externalKey, ...fields, sources: { create: links } },
            }),
          () =>
            tx.aidRecord.update({
              where: { id },
              data: { ...fields, sources: { deleteMany: {}, create: links } },
            }),
        );
      }
      // The curated dataset is small: its whole rollup is rebuilt, whatever changed.
      await refreshAidRollupTx(tx, { datasetId: CURATED_DATASET_ID });
      for (const e of data.events) {
        const desired = {
          date: dateFromIso(e.date),
          title: e.title,
          summary: e.summary,
          type: e.type,
          severity: e.severity,
          confidence: e.confidence,
          sourceIds: [...e.sources].sort().join(","),
          // Order counts: the first actor is the one acting.
          actorCodes: e.actors.join(","),
        };
        const row = await tx.event.findUnique({
          where: { id: e.id },
          include: { sources: true, actors: { orderBy: { position: "asc" } } },
        });
        const existing = row && {
          ...row,
          sourceIds: row.sources
            .map((s) => s.sourceId)
            .sort()
            .join(","),
          actorCodes: row.actors.map((a) => a.actorCode).join(","),
        };
        const { sourceIds: _ignored, actorCodes: _alsoIgnored, ...fields } = desired;
        const links = e.sources.map((sourceId) => ({ sourceId }));
        const actors = actorRows(e.actors);
        await sync(
          existing,
          desired,
          () => tx.event.create({ data: { id: e.id, ...fields, sources: { create: links }, actors: { create: actors } } }),
          () =>
            tx.event.update({
              where: { id: e.id },
              data: { ...fields, sources: { deleteMany: {}, create: links }, actors: { deleteMany: {}, create: actors } },
            }),
        );
      }
      for (const d of data.deployments) {
        const desired = {
          date: dateFromIso(d.date),
          deployingCountry: d.deployingCountry,
          hostCountry: d.hostCountry,
          location: d.location,
          forceType: d.forceType,
          personnelLow: d.personnelLow ?? null,
          personnelHigh: d.personnelHigh ?? null,
          status: d.status,
          notes: d.notes ?? null,
          sourceIds: [...d.sources].sort().join(","),
        };
        const row = await tx.deployment.findUnique({ where: { id: d.id }, include: { sources: true } });
        const existing = row && {
          ...row,
          sourceIds: row.sources
            .map((s) => s.sourceId)
            .sort()
            .join(","),
        };
        const { sourceIds: _ignored, ...fields } = desired;
        const links = d.sources.map((sourceId) => ({ sourceId }));
        await sync(
          existing,
          desired,
          () => tx.deployment.create({ data: { id: d.id, ...fields, sources: { create: links } } }),
          () => tx.deployment.update({ where: { id: d.id }, data: { ...fields, sources: { deleteMany: {}, create: links } } }),
        );
      }
    },
    { timeoutMs: 60_000 },
  );
  return counts;
}
