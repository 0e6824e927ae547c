"use client";

import { ChartFrame } from "@/components/charts/chart-frame";
import { CategoryMixChart, CategoryMixTable } from "@/components/charts/category-mix-chart";
import { SizedChart } from "@/components/charts/sized-chart";
import { SourcesLine } from "@/components/charts/sources-line";
import { definitionExport, EXPORT_FONT } from "@/components/export/definition-export";
import { EmptyState } from "@/components/layout/feedback";
import type { DashboardFiltersState } from "@/components/filters/use-dashboard-filters";
import { categoryMixChart } from "@/lib/charts/category-mix";
import { useAidSummary } from "./use-aid-queries";
import { WidgetState } from "./widget-state";

export function CategoryMixWidget({ state }: { state: DashboardFiltersState }) {
  const { filters, summary } = state;
  const q = useAidSummary(filters);
  const def = q.data ? categoryMixChart(q.data, { currency: filters.currency, selection: summary }) : null;
  return (
    <ChartFrame
      testId="category-mix"
      title="Category mix"
      subtitle={summary}
      fetching={q.isFetching && !q.isPending}
      // The image's type is larger: the donut's own key is its only text.
      exportSpec={def && !def.empty ? definitionExport(def, (box) => <CategoryMixChart def={def} fontSize={EXPORT_FONT + 7} {...box} />) : undefined}
      table={def ? <CategoryMixTable def={def} /> : null}
      footer={q.data ? <SourcesLine sources={q.data.sources} datasetName={q.data.dataset.name} asOf={q.data.dataset.asOf} /> : null}
    >
      <WidgetState query={q} height={260} label="category mix">
        {() =>
          !def || def.empty ? (
            <EmptyState>{def?.empty}</EmptyState>
          ) : (
            <SizedChart height={240}>{(size) => <CategoryMixChart def={def} fontSize={13} interactive {...size} />}</SizedChart>
          )
        }
      </WidgetState>
    </ChartFrame>
  );
}
