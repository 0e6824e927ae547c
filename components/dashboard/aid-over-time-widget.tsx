"use client";

import { ChartFrame } from "@/components/charts/chart-frame";
import { AidOverTimeChart, AidOverTimeTable } from "@/components/charts/aid-over-time-chart";
import { ChartLegend } from "@/components/charts/chart-legend";
import { SizedChart } from "@/components/charts/sized-chart";
import { SourcesLine } from "@/components/charts/sources-line";
import { definitionExport, EXPORT_FONT } from "@/components/export/definition-export";
import { EmptyState } from "@/components/layout/feedback";
import type { DashboardFiltersState } from "@/components/filters/use-dashboard-filters";
import { aidOverTimeChart } from "@/lib/charts/aid-over-time";
import { fxNote } from "@/lib/charts/fx-note";
import { effectiveSplit } from "@/lib/charts/split";
import { useAidTimeseries } from "./use-aid-queries";
import { WidgetState } from "./widget-state";

export function AidOverTimeWidget({ state }: { state: DashboardFiltersState }) {
  const { filters, update, summary } = state;
  const q = useAidTimeseries(filters);
  const split = effectiveSplit(filters);
  const def = q.data
    ? aidOverTimeChart(q.data, {
        split,
        cumulative: filters.cumulative,
        currency: filters.currency,
        measure: filters.measure,
        granularity: filters.granularity,
        selection: summary,
      })
    : null;
  return (
    <ChartFrame
      testId="aid-over-time"
      title={def?.title ?? `Aid over time${filters.cumulative ? " (cumulative)" : ""}`}
      subtitle={summary}
      fetching={q.isFetching && !q.isPending}
      exportSpec={def && !def.empty ? definitionExport(def, (box) => <AidOverTimeChart def={def} fontSize={EXPORT_FONT} {...box} />) : undefined}
      tools={
        <>
          <div className="seg" role="group" aria-label="Split">
            {(["category", "donor"] as const).map((s) => (
              <button
                key={s}
                type="button"
                aria-pressed={split === s}
                onClick={() => update({ split: s })}
                title={s === "donor" ? "One series per donor (up to 10)" : "Stacked by category"}
              >
                {s === "category" ? "By category" : "By donor"}
              </button>
            ))}
          </div>
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
      table={def ? <AidOverTimeTable def={def} /> : null}
      footer={
        q.data ? <SourcesLine sources={q.data.sources} datasetName={q.data.dataset.name} asOf={q.data.dataset.asOf} extra={fxNote(q.data.fx.rates)} /> : null
      }
    >
      <WidgetState query={q} height={320} label="aid over time">
        {() =>
          !def || def.empty ? (
            <EmptyState>{def?.empty}</EmptyState>
          ) : (
            <>
              <SizedChart height={300}>{(size) => <AidOverTimeChart def={def} fontSize={12} interactive {...size} />}</SizedChart>
              <ChartLegend items={def.legend} />
            </>
          )
        }
      </WidgetState>
    </ChartFrame>
  );
}
