"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { canvasMeasure } from "@/components/export/export-fonts";
import type { AidByDonorDefinition } from "@/lib/charts/aid-by-donor";
import { valueTicks } from "@/lib/charts/ticks";
import { moneyTickFormatter } from "@/lib/export/axis-format";
import { formatMoney, formatPercent } from "@/lib/format/money";
import { DonorTick } from "./donor-tick";
import { FIGURE, tickStyle, type FigureProps } from "./figure-style";
import { MoneyTooltip } from "./money-tooltip";

/**
 * "Aid by donor" drawn from its definition at an explicit size (screen, export,
 * slide): horizontal stacked bars, one per donor, each labelled with its total.
 */
export function AidByDonorChart({ def, width, height, fontSize, interactive = false }: FigureProps & { def: AidByDonorDefinition; interactive?: boolean }) {
  const { rows, series, mode, currency } = def;
  // Bars must stay readable: shrink the labels when many donors share the height.
  const rowHeight = (height - 40) / Math.max(1, rows.length);
  const size = Math.max(11, Math.min(fontSize, Math.floor(rowHeight * 0.62)));
  // Donor names measured as the browser draws them, so the axis is as wide as the longest.
  const labelWidth = Math.min(width * 0.32, Math.max(...rows.map((r) => canvasMeasure(r.name, { size, weight: 400 })), 60) + 12);
  const valueLabel = (v: unknown) => (mode === "gdp" ? formatPercent(Number(v), 2) : formatMoney(Number(v), currency));
  const max = Math.max(...rows.map((r) => (mode === "gdp" ? (r.pctGdp ?? 0) : r.total)), mode === "gdp" ? 1e-4 : 1);
  const xTicks = valueTicks(max, Math.max(3, Math.min(6, Math.floor(width / (fontSize * 6)))));
  const lastKey = series[series.length - 1]?.key;
  return (
    <BarChart
      width={width}
      height={height}
      data={rows}
      layout="vertical"
      margin={{ top: 4, right: size * 5.5, bottom: 4, left: 4 }}
      barCategoryGap="18%"
      maxBarSize={fontSize * 2.6}
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke={FIGURE.grid} />
      <XAxis
        type="number"
        tickFormatter={mode === "gdp" ? (v: number) => formatPercent(v, 1) : moneyTickFormatter(xTicks, currency)}
        tick={tickStyle(fontSize)}
        stroke={FIGURE.axis}
        ticks={xTicks}
        domain={[0, xTicks[xTicks.length - 1]]}
      />
      <YAxis type="category" dataKey="name" width={labelWidth} tick={<DonorTick fontSize={size} />} interval={0} stroke={FIGURE.axis} />
      {interactive ? (
        mode === "gdp" ? (
          <Tooltip formatter={(v) => [formatPercent(Number(v), 3), "Aid as % of GDP"]} />
        ) : (
          <Tooltip content={<MoneyTooltip currency={currency} source={def.sources.split(". ")[0]} />} />
        )
      ) : null}
      {series.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.label} stackId="a" fill={s.color} isAnimationActive={false}>
          {s.key === lastKey ? (
            <LabelList dataKey={mode === "gdp" ? "pctGdp" : "total"} position="right" formatter={valueLabel} style={{ ...tickStyle(size), fontWeight: 600 }} />
          ) : null}
        </Bar>
      ))}
    </BarChart>
  );
}

/** The screen's height for a definition: room for every donor's bar. */
export const donorChartHeight = (def: AidByDonorDefinition) => Math.max(160, def.rows.length * 30 + 50);

export function AidByDonorTable({ def }: { def: AidByDonorDefinition }) {
  const { rows, mode, currency } = def;
  const cats = mode === "gdp" ? [] : def.series;
  return (
    <table className="data">
      <caption className="visually-hidden">Aid by donor</caption>
      <thead>
        <tr>
          <th scope="col">Donor</th>
          {cats.map((c) => (
            <th key={c.key} scope="col" className="num">
              {c.label}
            </th>
          ))}
          <th scope="col" className="num">
            Total ({currency})
          </th>
          {mode === "gdp" && (
            <th scope="col" className="num">
              % of GDP
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code} data-donor={r.code}>
            <th scope="row">{r.name}</th>
            {cats.map((c) => (
              <td key={c.key} className="num">
                {formatMoney(Number(r[c.key as keyof typeof r]), currency)}
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
