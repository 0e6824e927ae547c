import type { Db } from "@/lib/db";
import { isoFromDate } from "@/lib/domain/common-schemas";
import type { HeldRelease } from "@/lib/import/kiel/compare-published-release";
import { KIEL_DATASET_ID } from "@/lib/import/kiel/release-meta";

/** The Kiel release the database holds (label, number, publication date, data period), or null. */
export async function readHeldKielRelease(db: Db): Promise<HeldRelease | null> {
  const dataset = await db.dataset.findUnique({ where: { id: KIEL_DATASET_ID }, include: { source: true } });
  if (!dataset) return null;
  // kielSourceId() names a numbered release src-kiel-ust-r<N>.
  const fromSource = /^src-kiel-ust-r(\d+)$/.exec(dataset.sourceId ?? "")?.[1] ?? null;
  const fromLabel = /release\s+(\d+)/i.exec(dataset.name)?.[1] ?? null;
  return {
    label: dataset.name,
    releaseNumber: fromSource ?? fromLabel,
    publishedAt: dataset.source?.publishedAt ? isoFromDate(dataset.source.publishedAt) : null,
    periodEnd: dataset.asOf ? isoFromDate(dataset.asOf).slice(0, 7) : null,
  };
}
