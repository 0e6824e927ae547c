import { chartCsv } from "@/lib/export/chart-csv";
import { sourcesLine } from "@/lib/export/sources";
import { formatDay } from "@/lib/format/dates";
import { formatCount, formatMoney } from "@/lib/format/money";
import type { WeaponsDto } from "@/lib/query-keys";
import type { ChartDefinition } from "./types";

/** Okabe–Ito hues not used by the aid categories, so weapon types never read as aid categories. */
const WEAPON_COLORS = ["#56b4e9", "#d55e00", "#cc79a7", "#f0e442", "#7a5195", "#999999"];

/** At most this many donors are drawn; the table and the CSV list all. */
export const WEAPONS_DRAWN = 15;

export type WeaponsRow = { code: string; donor: string; total: number } & Record<string, number | string>;

export interface WeaponsDefinition extends ChartDefinition<WeaponsRow> {
  /** Every donor with figures, largest value first (the chart draws the first WEAPONS_DRAWN). */
  allRows: WeaponsRow[];
}

/** "Heavy weapons delivered": value in EUR per donor, stacked by weapon type, from the tracker release's cumulative table. */
export function weaponsChart(data: WeaponsDto, o: { selection: string }): WeaponsDefinition {
  const types = data.byCategory.map((c) => c.category);
  const donors = new Map<string, WeaponsRow>();
  for (const i of data.items) {
    const row = donors.get(i.donorCode) ?? ({ code: i.donorCode, donor: i.donorName, total: 0 } as WeaponsRow);
    row[i.category] = i.valueEur;
    row.total += i.valueEur;
    donors.set(i.donorCode, row);
  }
  const allRows = [...donors.values()].sort((a, b) => b.total - a.total);
  const series = types.map((t, i) => ({ key: t, label: t, color: WEAPON_COLORS[i % WEAPON_COLORS.length] }));
  const totals = data.byCategory.map((c) => `${c.category}: ${formatCount(c.count)} (${formatMoney(c.valueEur, "EUR")})`).join(" · ");
  return {
    id: "heavy-weapons",
    kind: "bars",
    title: "Heavy weapons delivered, by donor and type",
    subtitle: o.selection,
    rows: allRows.slice(0, WEAPONS_DRAWN),
    allRows,
    series,
    legend: series.map((s) => ({ label: s.label, color: s.color })),
    notes: [totals + (allRows.length > WEAPONS_DRAWN ? ` · chart shows the top ${WEAPONS_DRAWN} of ${allRows.length} donors; the table lists all` : "")],
    sources: sourcesLine({ sources: data.sources, datasetName: data.dataset?.name, asOf: data.dataset?.asOf ? formatDay(data.dataset.asOf) : null }),
    csv: () =>
      chartCsv({
        columns: ["donor_code", "donor_name", "category", "count", "value_eur", "systems"],
        rows: data.items.map((i) => ({
          donor_code: i.donorCode,
          donor_name: i.donorName,
          category: i.category,
          count: i.count,
          value_eur: i.valueEur,
          systems: i.weaponsList,
        })),
        provenance: { selection: o.selection, dataset: data.dataset?.name, asOf: data.dataset?.asOf, sources: data.sources },
      }),
    empty: data.items.length === 0 ? "No heavy-weapons figures for this selection." : null,
  };
}
