import type { AidSummaryDto } from "@/lib/aid/queries";

/** "Total in range": the figure and the line under it, the same on the tile and the slide. */
export function totalKpi(summary: Pick<AidSummaryDto, "total" | "measure" | "recordCount"> | undefined): { total: number; detail: string } | null {
  if (!summary) return null;
  const what = summary.measure === "allocation" ? "Allocations" : "Commitments";
  return { total: summary.total, detail: `${what} · ${summary.recordCount.toLocaleString("en-GB")} records` };
}

/** The largest donors' shares of the view's total; empty when the total is zero (a share of nothing is meaningless). */
export function topDonorShares(summary: Pick<AidSummaryDto, "total" | "byDonor"> | undefined, n = 3): { code: string; name: string; share: number }[] {
  if (!summary || summary.total <= 0) return [];
  return summary.byDonor.slice(0, n).map((d) => ({ code: d.donorCode, name: d.donorName, share: d.total / summary.total }));
}
