import { aidApiQuery, type DashboardFilters } from "@/lib/filters/filter-state";

export type AidSplit = "category" | "donor";

/** At most this many series when aid is split by donor: beyond it, the largest donors and one "Others". */
export const MAX_DONOR_SERIES = 10;

/**
 * How "Aid over time" and "Aid and escalation" split their amounts. The link's
 * `split` wins; without it, a selection of 2 to 10 donors is drawn one series per
 * donor (selecting several donors is asking to compare them), anything else
 * stacked by category.
 */
export function effectiveSplit(f: Pick<DashboardFilters, "split" | "donor">): AidSplit {
  if (f.split) return f.split;
  return f.donor.length >= 2 && f.donor.length <= MAX_DONOR_SERIES ? "donor" : "category";
}

/** The time-series read of a view: per donor when the view splits by donor. */
export function aidTimeseriesApiQuery(f: DashboardFilters, granularity: DashboardFilters["granularity"]): string {
  return aidApiQuery(f, { granularity, by: effectiveSplit(f) === "donor" ? "donor" : undefined });
}
