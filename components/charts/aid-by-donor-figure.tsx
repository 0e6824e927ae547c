"use client";

import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import type { DonorRow } from "@/components/charts/aid-by-donor-chart";
import { CATEGORY_COLORS } from "@/components/charts/palette";
import { CATEGORIES, CATEGORY_LABELS } from "@/lib/domain/taxonomy";
import { approximateMeasure } from "@/lib/export/compose-chart-svg";
import { niceTicks } from "@/lib/export/series";
import { moneyTickFormatter } from "@/lib/export/axis-format";
import { formatMoney, formatPercent } from "@/lib/format/money";
import { FIGURE, tickStyle, type FigureProps } from "./figure-style";

/** Horizontal stacked bars, one per donor, each labelled with its total at its end. */
export function AidByDonorFigure({
  rows,
  currency,
  mode,
  width,
  height,
  fontSize,
}: FigureProps & { rows: DonorRow[]; currency: string; mode: "amount" | "gdp" }) {
  const cats = CATEGORIES.filter((c) => rows.some((r) => r[c] !== 0));
  // Bars must stay readable: shrink the labels when many donors share the height.
  const rowHeight = (height - 40) / Math.max(1, rows.length);
  const size = Math.max(11, Math.min(fontSize, Math.floor(rowHeight * 0.62)));
  const style = { size, weight: 400 };
  const labelWidth = Math.min(width * 0.32, Math.max(...rows.map((r) => approximateMeasure(r.name, style) * 1.1), 60) + 16);
  const valueLabel = (v: unknown) => (mode === "gdp" ? formatPercent(Number(v), 2) : formatMoney(Number(v), currency));
  const max = Math.max(...rows.map((r) => (mode === "gdp" ? (r.pctGdp ?? 0) : r.total)), mode === "gdp" ? 1e-4 : 1);
  const xTicks = niceTicks(max, Math.max(3, Math.min(6, Math.floor(width / (fontSize * 6)))));
  const lastKey = mode === "gdp" ? "pctGdp" : cats[cats.length - 1];
  return (
    <BarChart width={width} height={height} data={rows} layout="vertical" margin={{ top: 4, right: size * 5.5, bottom: 4, left: 4 }} barCategoryGap="18%" maxBarSize={fontSize * 2.6}>
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
      {mode === "gdp" ? (
        <Bar dataKey="pctGdp" name="Aid as % of donor GDP" fill={CATEGORY_COLORS.military} isAnimationActive={false}>
          <LabelList dataKey="pctGdp" position="right" formatter={valueLabel} style={{ ...tickStyle(size), fontWeight: 600 }} />
        </Bar>
      ) : (
        cats.map((c) => (
          <Bar key={c} dataKey={c} name={CATEGORY_LABELS[c]} stackId="a" fill={CATEGORY_COLORS[c]} isAnimationActive={false}>
            {c === lastKey ? <LabelList dataKey="total" position="right" formatter={valueLabel} style={{ ...tickStyle(size), fontWeight: 600 }} /> : null}
          </Bar>
        ))
      )}
    </BarChart>
  );
}

/** A donor name on one line, right-aligned to the axis (Recharts' own tick would wrap long names). */
function DonorTick({ x, y, payload, fontSize }: { x?: number; y?: number; payload?: { value: string }; fontSize: number }) {
  return (
    <text x={(x ?? 0) - 4} y={y} dy="0.35em" textAnchor="end" {...tickStyle(fontSize)}>
      {payload?.value}
    </text>
  );
}
