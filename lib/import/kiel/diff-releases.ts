/**
 * Pure comparison of two tracker releases: totals per measure and category (bn
 * EUR) and which records and donor-months were added, removed or changed.
 */

/** One record as both the plan (new release) and the database (old release) describe it. */
export interface DiffRecord {
  externalKey: string;
  donorCode: string;
  /** YYYY-MM */
  month: string;
  category: string;
  measure: string;
  /** EUR */
  amount: number;
}

/** The (measure, category) pairs a summary reports, in display order. "total" sums the categories of one measure. */
export const TOTAL_LINES = [
  ["allocation", "military"],
  ["allocation", "financial"],
  ["allocation", "humanitarian"],
  ["allocation", "total"],
  ["commitment", "unspecified"],
] as const;

/** bn EUR per measure and category; allocation.total = military + financial + humanitarian. Commitments are never added to allocations. */
export type KielTotals = Record<string, Record<string, number>>;

/** Rounds bn EUR to the file's precision (1e-6 bn = EUR 1,000), removing float noise. */
export function roundBn(n: number): number {
  const r = Math.round(n * 1e6) / 1e6;
  return r === 0 ? 0 : r;
}

export function totalsOf(records: Pick<DiffRecord, "category" | "measure" | "amount">[]): KielTotals {
  const sums: Record<string, Record<string, number>> = {};
  for (const [measure, category] of TOTAL_LINES) (sums[measure] ??= {})[category] = 0;
  for (const r of records) {
    const m = (sums[r.measure] ??= {});
    m[r.category] = (m[r.category] ?? 0) + r.amount;
    if (r.measure === "allocation") m.total = (m.total ?? 0) + r.amount;
  }
  const out: KielTotals = {};
  for (const [measure, cats] of Object.entries(sums)) {
    out[measure] = Object.fromEntries(Object.entries(cats).map(([c, eur]) => [c, roundBn(eur / 1e9)]));
  }
  return out;
}

export interface TotalsChange {
  measure: string;
  category: string;
  /** bn EUR in the release being replaced; null when there is none. */
  previous: number | null;
  current: number;
  delta: number | null;
}

export interface ReleaseDiff {
  previous: { label: string; sourceId: string | null } | null;
  totals: TotalsChange[];
  records: { added: number; removed: number; changed: number; unchanged: number };
  donorMonths: { previous: number; current: number; added: number; removed: number };
}

export interface PreviousRelease {
  label: string;
  sourceId: string | null;
  records: DiffRecord[];
}

/** Amounts are EUR; a difference under one cent is float noise, not a change. */
const SAME_AMOUNT_EUR = 0.01;

export function diffReleases(previous: PreviousRelease | null, current: DiffRecord[]): ReleaseDiff {
  const cur = totalsOf(current);
  const prev = previous ? totalsOf(previous.records) : null;
  const pairs: [string, string][] = TOTAL_LINES.map(([m, c]) => [m, c]);
  for (const t of [cur, prev]) {
    for (const [m, cats] of Object.entries(t ?? {})) {
      for (const c of Object.keys(cats)) if (!pairs.some(([pm, pc]) => pm === m && pc === c)) pairs.push([m, c]);
    }
  }
  const totals = pairs.map(([measure, category]) => {
    const current = cur[measure]?.[category] ?? 0;
    const previousValue = prev ? (prev[measure]?.[category] ?? 0) : null;
    return {
      measure,
      category,
      previous: previousValue,
      current,
      delta: previousValue === null ? null : roundBn(current - previousValue),
    };
  });

  const oldByKey = new Map((previous?.records ?? []).map((r) => [r.externalKey, r]));
  const records = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  const newKeys = new Set<string>();
  for (const r of current) {
    newKeys.add(r.externalKey);
    const old = oldByKey.get(r.externalKey);
    if (!old) records.added++;
    else if (Math.abs(old.amount - r.amount) >= SAME_AMOUNT_EUR) records.changed++;
    else records.unchanged++;
  }
  for (const k of oldByKey.keys()) if (!newKeys.has(k)) records.removed++;

  const dm = (rs: DiffRecord[]) => new Set(rs.map((r) => `${r.donorCode}|${r.month}`));
  const oldDm = dm(previous?.records ?? []);
  const newDm = dm(current);
  return {
    previous: previous ? { label: previous.label, sourceId: previous.sourceId } : null,
    totals,
    records,
    donorMonths: {
      previous: oldDm.size,
      current: newDm.size,
      added: [...newDm].filter((k) => !oldDm.has(k)).length,
      removed: [...oldDm].filter((k) => !newDm.has(k)).length,
    },
  };
}
