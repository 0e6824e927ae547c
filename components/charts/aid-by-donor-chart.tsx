"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AidSummaryDto } from "@/lib/aid/queries";
import { CATEGORIES, CATEGORY_LABELS, type Category } from "@/lib/domain/taxonomy";
import { formatAxisMoney, formatMoney, formatPercent } from "@/lib/format/money";
import { CATEGORY_COLORS, categoryOrder } from "./palette";
import { niceTicks } from "@/lib/format/ticks";
import { MoneyTooltip } from "./money-tooltip";

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

export function AidByDonorChart({
  rows,
  currency,
  source,
  mode,
  animate = false,
}: {
  rows: DonorRow[];
  currency: string;
  source: string;
  mode: "amount" | "gdp";
  animate?: boolean;
}) {
  const cats = CATEGORIES.filter((c) => rows.some((r) => r[c] !== 0));
  const height = Math.max(160, rows.length * 30 + 70);
  const ticks = niceTicks(Math.max(0, ...rows.map((r) => (mode === "gdp" ? r.pctGdp ?? 0 : r.total))));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e3e7ed" />
        <XAxis
          type="number"
          ticks={ticks}
          domain={[0, ticks[ticks.length - 1]]}
          tickFormatter={(v: number) => (mode === "gdp" ? formatPercent(v, 2) : formatAxisMoney(v, currency))}
          tick={{ fontSize: 12 }}
          minTickGap={16}
        />
        <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 12 }} interval={0} />
        {mode === "gdp" ? (
          <>
            <Tooltip formatter={(v) => [formatPercent(Number(v), 3), "Aid as % of GDP"]} />
            <Bar dataKey="pctGdp" name="Aid as % of donor GDP" fill={CATEGORY_COLORS.military} isAnimationActive={animate} />
          </>
        ) : (
          <>
            <Tooltip itemSorter={categoryOrder} content={<MoneyTooltip currency={currency} source={source} />} />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={categoryOrder} />
            {cats.map((c) => (
              <Bar key={c} dataKey={c} name={CATEGORY_LABELS[c]} stackId="a" fill={CATEGORY_COLORS[c]} isAnimationActive={animate} />
            ))}
          </>
        )}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function AidByDonorTable({ rows, currency, mode }: { rows: DonorRow[]; currency: string; mode: "amount" | "gdp" }) {
  const cats = CATEGORIES.filter((c) => rows.some((r) => r[c] !== 0));
  return (
    <table className="data">
      <caption className="visually-hidden">Aid by donor</caption>
      <thead>
        <tr>
          <th scope="col">Donor</th>
          {cats.map((c) => (
            <th key={c} scope="col" className="num">
              {CATEGORY_LABELS[c]}
            </th>
          ))}
          <th scope="col" className="num">Total ({currency})</th>
          {mode === "gdp" && <th scope="col" className="num">% of GDP</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code} data-donor={r.code}>
            <th scope="row">{r.name}</th>
            {cats.map((c) => (
              <td key={c} className="num">
                {formatMoney(r[c], currency)}
              </td>
            ))}
            <td className="num" data-value={r.total}>
              {formatMoney(r.total, currency)}
            </td>
            {mode === "gdp" && <td className="num">{r.pctGdp === null ? "–" : formatPercent(r.pctGdp, 3)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
