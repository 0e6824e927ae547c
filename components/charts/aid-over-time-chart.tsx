"use client";

import { Area, AreaChart, Bar, BarChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { AidOverTimeDefinition } from "@/lib/charts/aid-over-time";
import { valueTicks } from "@/lib/charts/ticks";
import { moneyTickFormatter } from "@/lib/export/axis-format";
import { periodTicks } from "@/lib/export/period-ticks";
import { formatPeriod } from "@/lib/format/dates";
import { formatMoney } from "@/lib/format/money";
import { FIGURE, tickStyle, type FigureProps } from "./figure-style";
import { MoneyTooltip } from "./money-tooltip";

/**
 * "Aid over time" drawn from its definition at an explicit size: the screen
 * (inside SizedChart, with a tooltip), the exported image and the slide all
 * draw this. Stacked bars or areas by category; lines or grouped bars by donor.
 */
export function AidOverTimeChart({ def, width, height, fontSize, interactive = false }: FigureProps & { def: AidOverTimeDefinition; interactive?: boolean }) {
  const { rows, series, currency, marks } = def;
  const ticks = periodTicks(
    rows.map((r) => r.period),
    Math.max(4, Math.floor(width / (fontSize * 7))),
  );
  const stacked = marks === "stacked-bars" || marks === "stacked-areas";
  const top = Math.max(1, ...rows.map((r) => (stacked ? r.total : Math.max(0, ...series.map((s) => Number(r[s.key]))))));
  const yTicks = valueTicks(top, Math.max(3, Math.min(6, Math.floor(height / (fontSize * 4)))));
  const common = { width, height, data: rows, margin: { top: 8, right: 16, bottom: 4, left: 4 } };
  const edgePadding = marks === "stacked-areas" || marks === "lines" ? { left: fontSize * 1.5, right: fontSize * 2.5 } : undefined;
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={FIGURE.grid} />
      {/* An area's or line's first and last points sit on the plot's edges: room for their labels. */}
      <XAxis
        dataKey="period"
        ticks={ticks}
        interval={0}
        tickFormatter={formatPeriod}
        tick={tickStyle(fontSize)}
        stroke={FIGURE.axis}
        tickMargin={6}
        padding={edgePadding}
      />
      <YAxis
        tickFormatter={moneyTickFormatter(yTicks, currency)}
        width={fontSize * 5.2}
        tick={tickStyle(fontSize)}
        stroke={FIGURE.axis}
        ticks={yTicks}
        domain={[0, yTicks[yTicks.length - 1]]}
      />
      {interactive ? <Tooltip content={<MoneyTooltip currency={currency} source={def.sources.split(". ")[0]} labelFormatter={formatPeriod} />} /> : null}
    </>
  );
  switch (marks) {
    case "stacked-areas":
      return (
        <AreaChart {...common}>
          {axes}
          {series.map((s) => (
            <Area
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stackId="a"
              stroke={s.color}
              fill={s.color}
              fillOpacity={0.8}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      );
    case "lines":
      return (
        <LineChart {...common}>
          {axes}
          {series.map((s) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              strokeWidth={Math.max(2, fontSize / 6)}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      );
    default:
      return (
        <BarChart {...common} barCategoryGap={rows.length > 40 ? 1 : "12%"}>
          {axes}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId={stacked ? "a" : undefined} fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      );
  }
}

/** The chart's "view as table": one column per series, then the period's total. */
export function AidOverTimeTable({ def }: { def: AidOverTimeDefinition }) {
  const { rows, series, currency } = def;
  return (
    <table className="data">
      <caption className="visually-hidden">
        Aid by period and {def.split}, {currency}
      </caption>
      <thead>
        <tr>
          <th scope="col">Period</th>
          {series.map((s) => (
            <th key={s.key} scope="col" className="num">
              {s.label}
            </th>
          ))}
          <th scope="col" className="num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.period}>
            <th scope="row">{formatPeriod(r.period)}</th>
            {series.map((s) => (
              <td key={s.key} className="num" data-value={r[s.key]}>
                {formatMoney(Number(r[s.key]), currency)}
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
