import type { AidSummaryDto } from "@/lib/aid/queries";

/**
 * Aid as a share of the donor's GDP: one rule for the dashboard widget, its
 * export and the slide. The dataset's GDP figures are in EUR, so the share is
 * always taken from the EUR summary, whatever currency the view shows; a donor
 * without a GDP figure has no share (never 0 %).
 */
export function shareOfGdp(totalEur: number, gdpEur: number | null | undefined): number | null {
  return gdpEur && gdpEur > 0 ? totalEur / gdpEur : null;
}

/** Whether the summary's dataset carries GDP figures at all (the curated dataset does not). */
export function hasGdpFigures(summary: Pick<AidSummaryDto, "byDonor"> | undefined): boolean {
  return !!summary?.byDonor.some((d) => d.gdpEur);
}

/** The view the link asks for ("gdp=1") when the data allows it, else amounts. */
export function donorChartMode(wantsGdp: boolean, summary: Pick<AidSummaryDto, "byDonor"> | undefined): "gdp" | "amount" {
  return wantsGdp && hasGdpFigures(summary) ? "gdp" : "amount";
}

export interface GdpShareRow {
  code: string;
  name: string;
  share: number;
}

/** The top N donors by share of GDP, largest first; donors without GDP are left out rather than ranked at zero. */
export function gdpShareRanking(summaryEur: Pick<AidSummaryDto, "byDonor">, top: number): GdpShareRow[] {
  return summaryEur.byDonor
    .flatMap((d) => {
      const share = shareOfGdp(d.total, d.gdpEur);
      return share === null ? [] : [{ code: d.donorCode, name: d.donorName, share }];
    })
    .sort((a, b) => b.share - a.share)
    .slice(0, top);
}
