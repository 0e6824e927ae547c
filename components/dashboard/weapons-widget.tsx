"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "@/components/charts/chart-frame";
import { SourcesLine } from "@/components/charts/sources-line";
import { EmptyState } from "@/components/layout/feedback";
import type { DashboardFiltersState } from "@/components/filters/use-dashboard-filters";
import { formatAxisMoney, formatCount, formatMoney } from "@/lib/format/money";
import { weaponsQuery, type WeaponsDto } from "@/lib/query-keys";
import { WidgetState } from "./widget-state";

/** Okabe–Ito hues not used by the aid categories, so weapon types never read as aid categories. */
const WEAPON_COLORS = ["#56b4e9", "#d55e00", "#cc79a7", "#f0e442", "#7a5195", "#999999"];

function pivot(data: WeaponsDto) {
  const categories = data.byCategory.map((c) => c.category);
  const donors = new Map<string, Record<string, number | string>>();
  for (const i of data.items) {
    const row = donors.get(i.donorCode) ?? { donor: i.donorName, total: 0 };
    row[i.category] = i.valueEur;
    row.total = (row.total as number) + i.valueEur;
    donors.set(i.donorCode, row);
  }
  const rows = [...donors.values()].sort((a, b) => (b.total as number) - (a.total as number));
  return { categories, rows };
}

export function WeaponsWidget({ state }: { state: DashboardFiltersState }) {
  const { filters, meta } = state;
  const qs = new URLSearchParams();
  if (filters.donor.length) qs.set("donor", filters.donor.join(","));
  const q = useQuery({ ...weaponsQuery(qs.toString()), placeholderData: keepPreviousData });
  const trackerShown = !filters.dataset || meta?.datasets.find((d) => d.id === filters.dataset)?.kind === "tracker";
  if (!trackerShown) return null;
  const { categories, rows } = q.data ? pivot(q.data) : { categories: [], rows: [] };
  const donorsLabel = filters.donor.length ? filters.donor.map((c) => state.donorNames[c] ?? c).join(", ") : "All donors";
  return (
    <ChartFrame
      testId="weapons"
      title="Heavy weapons delivered, by donor and type"
      subtitle={`${donorsLabel} · value in EUR and number of systems · tracker release, cumulative`}
      fetching={q.isFetching && !q.isPending}
      table={
        q.data ? (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Donor</th>
                <th scope="col">Type</th>
                <th scope="col" className="num">Number</th>
                <th scope="col" className="num">Value (EUR)</th>
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
              <ResponsiveContainer width="100%" height={Math.max(180, Math.min(rows.length, 15) * 26 + 70)}>
                <BarChart data={rows.slice(0, 15)} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e3e7ed" />
                  <XAxis type="number" tickFormatter={(v: number) => formatAxisMoney(v, "EUR")} tick={{ fontSize: 12 }} minTickGap={16} />
                  <YAxis type="category" dataKey="donor" width={130} tick={{ fontSize: 12 }} interval={0} />
                  <Tooltip formatter={(v, name) => [formatMoney(Number(v), "EUR"), String(name)]} />
                  <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
                  {categories.map((c, i) => (
                    <Bar key={c} dataKey={c} name={c} stackId="w" fill={WEAPON_COLORS[i % WEAPON_COLORS.length]} isAnimationActive={false} />
                  ))}
                </BarChart>
              </ResponsiveContainer>
              <p className="muted" style={{ fontSize: 12.5, margin: "4px 0 0" }}>
                {data.byCategory.map((c) => `${c.category}: ${formatCount(c.count)} (${formatMoney(c.valueEur, "EUR")})`).join(" · ")}
                {rows.length > 15 ? ` · chart shows the top 15 of ${rows.length} donors; the table lists all` : ""}
              </p>
            </>
          )
        }
      </WidgetState>
    </ChartFrame>
  );
}
