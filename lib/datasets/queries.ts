import type { DbTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isoFromDate } from "@/lib/domain/common-schemas";
import { toSourceDto, type SourceDto } from "@/lib/sources/dto";

export interface DatasetDto {
  id: string;
  name: string;
  kind: string;
  description: string;
  asOf: string | null;
  source: SourceDto | null;
  measures: string[];
  /** Subcategories its records use (the curated set has them; tracker rows do not). */
  subcategories: string[];
  recordCount: number;
}

/** Datasets with records, newest tracker release first: the order the API picks the default from. */
export async function listDatasets(db: DbTx): Promise<DatasetDto[]> {
  const rows = await db.dataset.findMany({ include: { source: true } });
  const [measures, subs] = await Promise.all([
    // From the rollup (lib/aid/rollup.ts): a few thousand cells, not every record.
    db.aidRollup.groupBy({ by: ["datasetId", "measure"], _sum: { recordCount: true } }),
    db.aidRollup.groupBy({ by: ["datasetId", "subcategory"], where: { subcategory: { not: "" } } }),
  ]);
  const dtos = rows.map((d) => {
    const m = measures.filter((x) => x.datasetId === d.id);
    return {
      id: d.id,
      name: d.name,
      kind: d.kind,
      description: d.description,
      asOf: d.asOf ? isoFromDate(d.asOf) : null,
      source: d.source ? toSourceDto(d.source) : null,
      measures: m.map((x) => x.measure).sort(),
      subcategories: subs
        .filter((x) => x.datasetId === d.id)
        .map((x) => x.subcategory!)
        .sort(),
      recordCount: m.reduce((n, x) => n + (x._sum.recordCount ?? 0), 0),
    };
  });
  const rank = (k: string) => (k === "tracker" ? 0 : k === "curated" ? 1 : 2);
  return dtos.sort((a, b) => rank(a.kind) - rank(b.kind) || (b.asOf ?? "").localeCompare(a.asOf ?? ""));
}

/**
 * The dataset a request reads: the one asked for, else the latest tracker
 * release that holds records, else the curated announcements.
 */
export async function resolveDataset(db: DbTx, requested?: string): Promise<DatasetDto> {
  const all = await listDatasets(db);
  if (requested) {
    const found = all.find((d) => d.id === requested);
    if (!found) {
      throw new AppError("BAD_REQUEST", `Invalid query parameter "dataset": unknown dataset "${requested}"`, [
        { path: ["dataset"], message: `unknown dataset "${requested}"; known: ${all.map((d) => d.id).join(", ")}` },
      ]);
    }
    return found;
  }
  const pick = all.find((d) => d.kind === "tracker" && d.recordCount > 0) ?? all.find((d) => d.kind === "curated");
  if (!pick) throw new AppError("NOT_FOUND", "No dataset is loaded: run `npm run db:seed`");
  return pick;
}
