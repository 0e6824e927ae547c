"use client";

import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AidTimeseriesDto } from "@/lib/aid/queries";
import { CATEGORIES, CATEGORY_LABELS, type Category } from "@/lib/domain/taxonomy";
import { formatAxisMoney, formatMoney } from "@/lib/format/money";
import { formatPeriod } from "@/lib/format/dates";
import { CATEGORY_COLORS, categoryOrder } from "./palette";
import { niceTicks } from "@/lib/format/ticks";
import { MoneyTooltip } from "./money-tooltip";

export type AidOverTimeRow = { period: string; total: number } & Record<Category, number>;

/** Rows for the chart and its table; cumulative turns flows into running totals per category. */
export function aidOverTimeRows(data: AidTimeseriesDto, cumulative: boolean): AidOverTimeRow[] {
  const running = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  return data.points.map((p) => {
    const row = { period: p.period, total: 0 } as AidOverTimeRow;
    for (const c of CATEGORIES) {
      running[c] = cumulative ? running[c] + p.byCategory[c] : p.byCategory[c];
      row[c] = running[c];
      row.total += running[c];
    }
    return row;
  });
}

export function activeCategories(rows: AidOverTimeRow[]): Category[] {
  return CATEGORIES.filter((c) => rows.some((r) => r[c] !== 0));
}

export function AidOverTimeChart({
  rows,
  currency,
  cumulative,
  source,
  height = 320,
  animate = false,
}: {
  rows: AidOverTimeRow[];
  currency: string;
  cumulative: boolean;
  source: string;
  height?: number;
  animate?: boolean;
}) {
  const cats = activeCategories(rows);
  const ticks = niceTicks(Math.max(0, ...rows.map((r) => r.total)));
  const common = {
    data: rows,
    margin: { top: 8, right: 12, bottom: 4, left: 8 },
  };
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e3e7ed" />
      <XAxis dataKey="period" tickFormatter={formatPeriod} minTickGap={24} interval="preserveStartEnd" tick={{ fontSize: 12 }} />
      <YAxis ticks={ticks} domain={[0, ticks[ticks.length - 1]]} tickFormatter={(v: number) => formatAxisMoney(v, currency)} width={78} tick={{ fontSize: 12 }} />
      <Tooltip itemSorter={categoryOrder} content={<MoneyTooltip currency={currency} source={source} labelFormatter={formatPeriod} />} />
      <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={categoryOrder} />
    </>
  );
  return (
    <ResponsiveContainer width="100%" height={height}>
      {cumulative ? (
        <AreaChart {...common}>
          {axes}
          {cats.map((c) => (
            <Area key={c} type="monotone" dataKey={c} name={CATEGORY_LABELS[c]} stackId="a" stroke={CATEGORY_COLORS[c]} fill={CATEGORY_COLORS[c]} fillOpacity={0.75} isAnimationActive={animate} />
          ))}
        </AreaChart>
      ) : (
        <BarChart {...common}>
          {axes}
          {cats.map((c) => (
            <Bar key={c} dataKey={c} name={CATEGORY_LABELS[c]} stackId="a" fill={CATEGORY_COLORS[c]} isAnimationActive={animate} />
          ))}
        </BarChart>
      )}
    </ResponsiveContainer>
  );
}

export function AidOverTimeTable({ rows, currency }: { rows: AidOverTimeRow[]; currency: string }) {
  const cats = activeCategories(rows);
  return (
    <table className="data">
      <caption className="visually-hidden">Aid by period and category, {currency}</caption>
      <thead>
        <tr>
          <th scope="col">Period</th>
          {cats.map((c) => (
            <th key={c} scope="col" className="num">
              {CATEGORY_LABELS[c]}
            </th>
          ))}
          <th scope="col" className="num">Total</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.period}>
            <th scope="row">{formatPeriod(r.period)}</th>
            {cats.map((c) => (
              <td key={c} className="num" data-value={r[c]}>
                {formatMoney(r[c], currency)}
              </td>
            ))}
            <td className="num" data-value={r.total} data-testid="row-total">
              {formatMoney(r.total, currency)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
