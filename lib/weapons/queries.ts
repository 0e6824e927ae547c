import type { DbTx } from "@/lib/db";
import { assertKnownDonors } from "@/lib/aid/queries";
import { listDatasets } from "@/lib/datasets/queries";
import { AppError } from "@/lib/errors";
import { distinctSources, toSourceDto, type SourceDto } from "@/lib/sources/dto";
import type { TWeaponsQuery } from "@/lib/weapons/schemas";

export interface WeaponsRowDto {
  donorCode: string;
  donorName: string;
  category: string;
  count: number;
  valueEur: number;
  weaponsList: string;
}

/**
 * Heavy weapons by donor and category, from the tracker release's weapons
 * file. Counts and EUR values are the release's own; they are not aid totals
 * and are never added to them.
 */
export async function getWeapons(db: DbTx, q: TWeaponsQuery) {
  await assertKnownDonors(db, q.donor);
  const datasets = await listDatasets(db);
  const dataset = q.dataset ? datasets.find((d) => d.id === q.dataset) : datasets.find((d) => d.kind === "tracker" && d.recordCount > 0);
  if (q.dataset && !dataset) {
    throw new AppError("BAD_REQUEST", `Invalid query parameter "dataset": unknown dataset "${q.dataset}"`, [
      { path: ["dataset"], message: `unknown dataset "${q.dataset}"` },
    ]);
  }
  if (!dataset) return { dataset: null, items: [] as WeaponsRowDto[], byCategory: [], sources: [] as SourceDto[] };
  const where = { datasetId: dataset.id, ...(q.donor?.length ? { donorCode: { in: q.donor } } : {}) };
  const rows = await db.weaponsDelivery.findMany({
    where,
    include: { donor: true, source: true },
    orderBy: [{ valueEur: "desc" }],
  });
  const items: WeaponsRowDto[] = rows.map((r) => ({
    donorCode: r.donorCode,
    donorName: r.donor.name,
    category: r.category,
    count: r.count,
    valueEur: r.valueEur,
    weaponsList: r.weaponsList,
  }));
  const cats = await db.weaponsDelivery.groupBy({
    by: ["category"],
    where,
    _sum: { count: true, valueEur: true },
  });
  const byCategory = cats
    .map((c) => ({ category: c.category, count: c._sum.count ?? 0, valueEur: c._sum.valueEur ?? 0 }))
    .sort((a, b) => b.valueEur - a.valueEur);
  return {
    dataset,
    items,
    byCategory,
    sources: distinctSources(rows.map((r) => toSourceDto(r.source))),
  };
}
export type WeaponsDto = Awaited<ReturnType<typeof getWeapons>>;
