import type { CategoryAmounts } from "@/lib/aid/aggregate";
import type { AidSummaryDto } from "@/lib/aid/queries";
import { CATEGORIES, CATEGORY_LABELS, type Category } from "@/lib/domain/taxonomy";
import { chartCsv } from "@/lib/export/chart-csv";
import { sourcesLine } from "@/lib/export/sources";
import { formatDay } from "@/lib/format/dates";
import { CATEGORY_COLORS } from "./category-colors";
import { fxNote } from "./fx-note";
import type { ChartDefinition } from "./types";

export interface CategoryShare {
  category: Category;
  name: string;
  value: number;
  share: number;
}

export function categoryShares(byCategory: CategoryAmounts): CategoryShare[] {
  const total = CATEGORIES.reduce((s, c) => s + byCategory[c], 0);
  return CATEGORIES.filter((c) => byCategory[c] > 0).map((c) => ({
    category: c,
    name: CATEGORY_LABELS[c],
    value: byCategory[c],
    share: total > 0 ? byCategory[c] / total : 0,
  }));
}

export interface CategoryMixDefinition extends ChartDefinition<CategoryShare> {
  currency: string;
}

/** "Category mix": each category's share of the selection's aid. */
export function categoryMixChart(summary: AidSummaryDto, o: { currency: string; selection: string }): CategoryMixDefinition {
  const rows = categoryShares(summary.byCategory);
  return {
    id: "category-mix",
    kind: "category-mix",
    title: "Category mix",
    subtitle: o.selection,
    rows,
    series: rows.map((r) => ({ key: r.category, label: r.name, color: CATEGORY_COLORS[r.category] })),
    // The donut writes its own key (name, share and amount beside each colour).
    legend: [],
    notes: [`${o.currency}, share of the selection's total`],
    sources: sourcesLine({
      sources: summary.sources,
      datasetName: summary.dataset.name,
      asOf: summary.dataset.asOf ? formatDay(summary.dataset.asOf) : null,
      note: fxNote(summary.fx.rates),
    }),
    csv: () =>
      chartCsv({
        columns: ["category", "label", "amount", "share", "currency", "measure"],
        rows: rows.map((s) => ({ category: s.category, label: s.name, amount: s.value, share: s.share, currency: o.currency, measure: summary.measure })),
        provenance: { selection: o.selection, dataset: summary.dataset.name, asOf: summary.dataset.asOf, sources: summary.sources },
      }),
    empty: summary.total === 0 ? "No aid in this selection." : null,
    currency: o.currency,
  };
}
