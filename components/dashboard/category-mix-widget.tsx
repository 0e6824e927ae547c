"use client";

import { ChartFrame } from "@/components/charts/chart-frame";
import { CategoryMixChart, CategoryMixTable } from "@/components/charts/category-mix-chart";
import { SourcesLine } from "@/components/charts/sources-line";
import { EmptyState } from "@/components/layout/feedback";
import type { DashboardFiltersState } from "@/components/filters/use-dashboard-filters";
import { useAidSummary } from "./use-aid-queries";
import { WidgetState } from "./widget-state";

export function CategoryMixWidget({ state }: { state: DashboardFiltersState }) {
  const { filters, summary } = state;
  const q = useAidSummary(filters);
  return (
    <ChartFrame
      testId="category-mix"
      title="Category mix"
      subtitle={summary}
      fetching={q.isFetching && !q.isPending}
      table={q.data ? <CategoryMixTable byCategory={q.data.byCategory} currency={filters.currency} /> : null}
      footer={q.data ? <SourcesLine sources={q.data.sources} datasetName={q.data.dataset.name} asOf={q.data.dataset.asOf} /> : null}
    >
      <WidgetState query={q} height={260} label="category mix">
        {(data) =>
          data.total === 0 ? <EmptyState>No aid in this selection.</EmptyState> : <CategoryMixChart byCategory={data.byCategory} currency={filters.currency} />
        }
      </WidgetState>
    </ChartFrame>
  );
}
