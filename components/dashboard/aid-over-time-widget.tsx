"use client";

import { ChartFrame } from "@/components/charts/chart-frame";
import { AidOverTimeChart, AidOverTimeTable, aidOverTimeRows } from "@/components/charts/aid-over-time-chart";
import { SourcesLine } from "@/components/charts/sources-line";
import { EmptyState } from "@/components/layout/feedback";
import type { DashboardFiltersState } from "@/components/filters/use-dashboard-filters";
import { useAidTimeseries } from "./use-aid-queries";
import { WidgetState } from "./widget-state";

export function AidOverTimeWidget({ state }: { state: DashboardFiltersState }) {
  const { filters, update, summary } = state;
  const q = useAidTimeseries(filters);
  const rows = q.data ? aidOverTimeRows(q.data, filters.cumulative) : [];
  const empty = rows.every((r) => r.total === 0);
  const measure = filters.measure === "allocation" ? "allocations" : "commitments";
  return (
    <ChartFrame
      testId="aid-over-time"
      title={`Aid over time${filters.cumulative ? " (cumulative)" : ""}`}
      subtitle={summary}
      fetching={q.isFetching && !q.isPending}
      tools={
        <>
          <div className="seg" role="group" aria-label="Granularity">
            {(["month", "quarter", "year"] as const).map((g) => (
              <button key={g} type="button" aria-pressed={filters.granularity === g} onClick={() => update({ granularity: g })}>
                {g[0].toUpperCase() + g.slice(1)}
              </button>
            ))}
          </div>
          <button type="button" className="btn btn-small" aria-pressed={filters.cumulative} onClick={() => update({ cumulative: !filters.cumulative })}>
            Cumulative
          </button>
        </>
      }
      table={q.data ? <AidOverTimeTable rows={rows} currency={filters.currency} /> : null}
      footer={q.data ? <SourcesLine sources={q.data.sources} datasetName={q.data.dataset.name} asOf={q.data.dataset.asOf} extra={fxNote(q.data.fx.rates)} /> : null}
    >
      <WidgetState query={q} height={320} label="aid over time">
        {(data) =>
          empty ? (
            <EmptyState>
              No {measure} in this selection{data.dataset.measures.length ? ` (${data.dataset.name} holds ${data.dataset.measures.join(" and ")}s)` : ""}.
            </EmptyState>
          ) : (
            <AidOverTimeChart rows={rows} currency={filters.currency} cumulative={filters.cumulative} source={data.dataset.name} />
          )
        }
      </WidgetState>
    </ChartFrame>
  );
}

export function fxNote(rates: { pair: string; period: string; rate: number; substituted: boolean }[]): string | undefined {
  if (!rates.length) return undefined;
  const subs = rates.some((r) => r.substituted);
  return `Converted at ECB annual averages: ${[...new Map(rates.map((r) => [r.period, r])).values()].map((r) => `${r.pair} ${r.rate} (${r.period})`).join(", ")}${subs ? "; later years use the latest available rate" : ""}`;
}
