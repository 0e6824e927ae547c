"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChartFrame } from "@/components/charts/chart-frame";
import { ChartLegend } from "@/components/charts/chart-legend";
import { SizedChart } from "@/components/charts/sized-chart";
import { WeaponsChart, weaponsChartHeight } from "@/components/charts/weapons-chart";
import { definitionExport } from "@/components/export/definition-export";
import { weaponsChart } from "@/lib/charts/weapons";
import { SourcesLine } from "@/components/charts/sources-line";
import { EmptyState } from "@/components/layout/feedback";
import type { DashboardFiltersState } from "@/components/filters/use-dashboard-filters";
import { formatCount, formatMoney } from "@/lib/format/money";
import { weaponsQuery } from "@/lib/query-keys";
import { WidgetState } from "./widget-state";

export function WeaponsWidget({ state }: { state: DashboardFiltersState }) {
  const { filters, meta } = state;
  const qs = new URLSearchParams();
  if (filters.donor.length) qs.set("donor", filters.donor.join(","));
  const q = useQuery({ ...weaponsQuery(qs.toString()), placeholderData: keepPreviousData });
  const trackerShown = !filters.dataset || meta?.datasets.find((d) => d.id === filters.dataset)?.kind === "tracker";
  if (!trackerShown) return null;
  const donorsLabel = filters.donor.length ? filters.donor.map((c) => state.donorNames[c] ?? c).join(", ") : "All donors";
  // Only the donor filter applies to the release's weapons table.
  const selection = `${donorsLabel} · value in EUR and number of systems · tracker release, cumulative`;
  const def = q.data ? weaponsChart(q.data, { selection }) : null;
  return (
    <ChartFrame
      testId="weapons"
      title={def?.title ?? "Heavy weapons delivered, by donor and type"}
      subtitle={selection}
      fetching={q.isFetching && !q.isPending}
      exportSpec={
        def && !def.empty
          ? // As tall as its donors need (a few donors make a short image), drawn at screen size and scaled up.
            definitionExport(def, (box) => <WeaponsChart def={def} fontSize={12} width={box.width} height={weaponsChartHeight(def)} />, {
              fitHeight: { zoom: 1.25 },
            })
          : undefined
      }
      table={
        q.data ? (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Donor</th>
                <th scope="col">Type</th>
                <th scope="col" className="num">
                  Number
                </th>
                <th scope="col" className="num">
                  Value (EUR)
                </th>
                <th scope="col">Systems</th>
              </tr>
            </thead>
            <tbody>
              {q.data.items.map((i) => (
                <tr key={`${i.donorCode}-${i.category}`}>
                  <th scope="row">{i.donorName}</th>
                  <td>{i.category}</td>
                  <td className="num">{formatCount(i.count)}</td>
                  <td className="num">{formatMoney(i.valueEur, "EUR")}</td>
                  <td>{i.weaponsList}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null
      }
      footer={q.data?.dataset ? <SourcesLine sources={q.data.sources} datasetName={q.data.dataset.name} asOf={q.data.dataset.asOf} /> : null}
    >
      <WidgetState query={q} height={300} label="heavy weapons">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState>No heavy-weapons figures for this selection.</EmptyState>
          ) : (
            <>
              <SizedChart height={weaponsChartHeight(def!)}>{(size) => <WeaponsChart def={def!} fontSize={12} interactive {...size} />}</SizedChart>
              <ChartLegend items={def!.legend} />
              <p className="muted" style={{ fontSize: 12.5, margin: "4px 0 0" }}>
                {def!.notes.join(" · ")}
              </p>
            </>
          )
        }
      </WidgetState>
    </ChartFrame>
  );
}
