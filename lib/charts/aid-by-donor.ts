import type { AidSummaryDto } from "@/lib/aid/queries";
import { CATEGORIES, CATEGORY_LABELS, type Category, type Measure } from "@/lib/domain/taxonomy";
import { chartCsv } from "@/lib/export/chart-csv";
import { sourcesLine } from "@/lib/export/sources";
import { formatDay } from "@/lib/format/dates";
import { CATEGORY_COLORS } from "./category-colors";
import { fxNote } from "./fx-note";
import type { ChartDefinition } from "./types";

export type DonorRow = { code: string; name: string; total: number; pctGdp: number | null } & Record<Category, number>;

/** The top N donors, the rest folded into "All others" (never dropped from the total). */
export function donorRows(summary: AidSummaryDto, top: number): DonorRow[] {
  const toRow = (d: AidSummaryDto["byDonor"][number]): DonorRow => ({
    code: d.donorCode,
    name: d.donorName,
    total: d.total,
    pctGdp: d.gdpEur ? d.total / d.gdpEur : null,
    ...d.byCategory,
  });
  const rows = summary.byDonor.slice(0, top).map(toRow);
  const rest = summary.byDonor.slice(top);
  if (rest.length) {
    const other = { code: "OTHERS", name: `All others (${rest.length})`, total: 0, pctGdp: null } as DonorRow;
    for (const c of CATEGORIES) other[c] = rest.reduce((s, d) => s + d.byCategory[c], 0);
    other.total = rest.reduce((s, d) => s + d.total, 0);
    rows.push(other);
  }
  return rows;
}

/** % of GDP view: one bar per donor (the tracker's GDP), sorted, without the folded rest. */
export function gdpRows(summaryEur: AidSummaryDto, top: number): DonorRow[] {
  return donorRows(summaryEur, summaryEur.byDonor.length)
    .filter((r) => r.pctGdp !== null)
    .sort((a, b) => (b.pctGdp ?? 0) - (a.pctGdp ?? 0))
    .slice(0, top);
}

export interface AidByDonorDefinition extends ChartDefinition<DonorRow> {
  mode: "amount" | "gdp";
  currency: string;
}

/**
 * "Aid by donor": the top N donors stacked by category, or (with `gdp` and a
 * dataset that has GDP figures) aid as a share of each donor's GDP, taken in
 * EUR from `summaryEur` (the tracker's GDP is in EUR; a ratio must not mix
 * conversion years).
 */
export function aidByDonorChart(
  summary: AidSummaryDto,
  summaryEur: AidSummaryDto | null,
  o: { top: number; gdp: boolean; currency: string; measure: Measure; selection: string },
): AidByDonorDefinition {
  const hasGdp = summary.byDonor.some((d) => d.gdpEur);
  const mode = o.gdp && hasGdp && summaryEur ? "gdp" : "amount";
  const rows = mode === "gdp" ? gdpRows(summaryEur!, o.top) : donorRows(summary, o.top);
  const currency = mode === "gdp" ? "EUR" : o.currency;
  const cats = CATEGORIES.filter((c) => rows.some((r) => r[c] !== 0));
  const series =
    mode === "gdp"
      ? [{ key: "pctGdp", label: "Aid as % of donor GDP", color: CATEGORY_COLORS.military }]
      : cats.map((c) => ({ key: c as string, label: CATEGORY_LABELS[c], color: CATEGORY_COLORS[c] }));
  const measure = o.measure === "allocation" ? "allocations" : "commitments";
  return {
    id: mode === "gdp" ? "aid-by-donor-share-of-gdp" : "aid-by-donor",
    kind: "donor-bars",
    title: mode === "gdp" ? "Aid by donor, as % of donor GDP" : `Aid by donor (top ${o.top})`,
    subtitle: o.selection,
    rows,
    series,
    legend: series.map((s) => ({ label: s.label, color: s.color })),
    notes: [mode === "gdp" ? "% of each donor’s GDP (tracker release, EUR)" : `${currency}, ${measure}, whole range`],
    sources: sourcesLine({
      sources: summary.sources,
      datasetName: summary.dataset.name,
      asOf: summary.dataset.asOf ? formatDay(summary.dataset.asOf) : null,
      note: mode === "gdp" ? "GDP as given by the tracker release (EUR)" : fxNote(summary.fx.rates),
    }),
    csv: () =>
      chartCsv({
        columns: ["rank", "donor_code", "donor_name", ...CATEGORIES, "total", "currency", "measure", ...(mode === "gdp" ? ["share_of_gdp"] : [])],
        rows: rows.map((r, i) => ({
          ...r,
          rank: r.code === "OTHERS" ? "" : i + 1,
          donor_code: r.code,
          donor_name: r.name,
          currency,
          measure: summary.measure,
          share_of_gdp: r.pctGdp,
        })),
        provenance: { selection: o.selection, dataset: summary.dataset.name, asOf: summary.dataset.asOf, sources: summary.sources },
      }),
    empty: summary.total === 0 ? "No aid in this selection." : null,
    mode,
    currency,
  };
}
