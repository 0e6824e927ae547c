"use client";

import { ChartFrame } from "@/components/charts/chart-frame";
import { AidByDonorChart, AidByDonorTable, donorChartHeight } from "@/components/charts/aid-by-donor-chart";
import { ChartLegend } from "@/components/charts/chart-legend";
import { SizedChart } from "@/components/charts/sized-chart";
import { definitionExport, EXPORT_FONT } from "@/components/export/definition-export";
import { aidByDonorChart } from "@/lib/charts/aid-by-donor";
import { SourcesLine } from "@/components/charts/sources-line";
import { EmptyState } from "@/components/layout/feedback";
import type { DashboardFiltersState } from "@/components/filters/use-dashboard-filters";
import { useAidSummary } from "./use-aid-queries";
import { fxNote } from "@/lib/charts/fx-note";
import { WidgetState } from "./widget-state";

export function AidByDonorWidget({ state }: { state: DashboardFiltersState }) {
  const { filters, update, summary } = state;
  const q = useAidSummary(filters);
  // GDP shares are taken in EUR: the tracker's GDP is in EUR, and a ratio must not mix conversion years.
  const eur = useAidSummary(filters, { currency: "EUR" }, filters.gdp);
  const hasGdp = (q.data?.byDonor ?? []).some((d) => d.gdpEur);
  const def = q.data ? aidByDonorChart(q.data, eur.data ?? null, { ...filters, selection: summary }) : null;
  const mode = def?.mode ?? "amount";
  return (
    <ChartFrame
      testId="aid-by-donor"
      title={def?.title ?? `Aid by donor (top ${filters.top})`}
      subtitle={summary}
      fetching={q.isFetching && !q.isPending}
      exportSpec={def && !def.empty ? definitionExport(def, (box) => <AidByDonorChart def={def} fontSize={EXPORT_FONT} {...box} />) : undefined}
      tools={
        <>
          <label className="field" style={{ flexDirection: "row", alignItems: "center", gap: 6 }}>
            <span>Top</span>
            <select value={filters.top} onChange={(e) => update({ top: Number(e.target.value) })} aria-label="Number of donors shown">
              {[5, 10, 15, 20, 30, 50].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="btn btn-small"
            aria-pressed={mode === "gdp"}
            disabled={!hasGdp}
            title={hasGdp ? "Show aid as a share of each donor's GDP" : "This dataset has no GDP figures"}
            onClick={() => update({ gdp: !filters.gdp })}
          >
            % of GDP
          </button>
        </>
      }
      table={def?.rows.length ? <AidByDonorTable def={def} /> : null}
      footer={
        q.data ? (
          <SourcesLine
            sources={q.data.sources}
            datasetName={q.data.dataset.name}
            asOf={q.data.dataset.asOf}
            extra={mode === "gdp" ? "GDP as given by the tracker release (EUR)" : fxNote(q.data.fx.rates)}
          />
        ) : null
      }
    >
      <WidgetState query={q} height={340} label="aid by donor">
        {() =>
          !def || def.empty ? (
            <EmptyState>{def?.empty}</EmptyState>
          ) : (
            <>
              <SizedChart height={donorChartHeight(def)}>{(size) => <AidByDonorChart def={def} fontSize={12} interactive {...size} />}</SizedChart>
              <ChartLegend items={def.mode === "gdp" ? [] : def.legend} />
            </>
          )
        }
      </WidgetState>
    </ChartFrame>
  );
}
