import type { DbTx } from "@/lib/db";
import { isoFromDate } from "@/lib/domain/common-schemas";

/**
 * What the rollup tables should hold, recomputed from the records in
 * JavaScript, against what they hold: the cells (sums, counts) and the
 * (cell, source) pairs that differ. Empty lists mean the rollup is exact.
 */
export async function rollupDrift(db: DbTx): Promise<{ cells: string[]; sources: string[] }> {
  const records = await db.aidRecord.findMany({ include: { sources: true } });
  const cellOf = (r: {
    datasetId: string;
    measure: string;
    periodMonth: number;
    donorCode: string;
    category: string;
    granularity: string;
    date: Date;
    subcategory: string | null;
  }) => [r.datasetId, r.measure, r.periodMonth, r.donorCode, r.category, r.granularity, isoFromDate(r.date), r.subcategory ?? ""].join("|");
  const want = new Map<string, { amount: number; count: number }>();
  const wantSources = new Set<string>();
  for (const r of records) {
    const k = `${cellOf(r)}|${r.currency}`;
    const c = want.get(k) ?? { amount: 0, count: 0 };
    c.amount += r.amount;
    c.count += 1;
    want.set(k, c);
    for (const l of r.sources) wantSources.add(`${cellOf(r)}|${l.sourceId}`);
  }
  const have = new Map((await db.aidRollup.findMany()).map((c) => [`${cellOf(c)}|${c.currency}`, { amount: c.amount, count: c.recordCount }]));
  const haveSources = new Set((await db.aidRollupSource.findMany()).map((c) => `${cellOf(c)}|${c.sourceId}`));
  const cells: string[] = [];
  for (const k of new Set([...want.keys(), ...have.keys()])) {
    const a = want.get(k);
    const b = have.get(k);
    if (!a || !b || a.count !== b.count || Math.abs(a.amount - b.amount) > 1e-6 * Math.max(1, a.amount)) {
      cells.push(`${k}: records ${JSON.stringify(a ?? null)} rollup ${JSON.stringify(b ?? null)}`);
    }
  }
  const sources = [...new Set([...wantSources, ...haveSources])]
    .filter((k) => wantSources.has(k) !== haveSources.has(k))
    .map((k) => `${k}: ${wantSources.has(k) ? "missing from" : "extra in"} the rollup`);
  return { cells, sources };
}
