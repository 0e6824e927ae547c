"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { canvasMeasure } from "@/components/export/export-fonts";
import { valueTicks } from "@/lib/charts/ticks";
import type { WeaponsDefinition } from "@/lib/charts/weapons";
import { moneyTickFormatter } from "@/lib/export/axis-format";
import { formatMoney } from "@/lib/format/money";
import { DonorTick } from "./donor-tick";
import { FIGURE, tickStyle, type FigureProps } from "./figure-style";

/** "Heavy weapons delivered" drawn from its definition at an explicit size: value in EUR per donor, stacked by type. */
export function WeaponsChart({ def, width, height, fontSize, interactive = false }: FigureProps & { def: WeaponsDefinition; interactive?: boolean }) {
  const { rows, series } = def;
  const labelWidth = Math.min(width * 0.3, Math.max(...rows.map((r) => canvasMeasure(r.donor, { size: fontSize, weight: 400 })), 60) + 12);
  const ticks = valueTicks(Math.max(1, ...rows.map((r) => r.total)), Math.max(3, Math.min(6, Math.floor(width / (fontSize * 7)))));
  return (
    <BarChart
      width={width}
      height={height}
      data={rows}
      layout="vertical"
      margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
      barCategoryGap="18%"
      maxBarSize={fontSize * 2.6}
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke={FIGURE.grid} />
      <XAxis
        type="number"
        ticks={ticks}
        domain={[0, ticks[ticks.length - 1]]}
        tickFormatter={moneyTickFormatter(ticks, "EUR")}
        tick={tickStyle(fontSize)}
        stroke={FIGURE.axis}
      />
      <YAxis type="category" dataKey="donor" width={labelWidth} tick={<DonorTick fontSize={fontSize} />} interval={0} stroke={FIGURE.axis} />
      {interactive ? <Tooltip formatter={(v, name) => [formatMoney(Number(v), "EUR"), String(name)]} /> : null}
      {series.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.label} stackId="w" fill={s.color} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}

/** The screen's height: room for every drawn donor. */
export const weaponsChartHeight = (def: WeaponsDefinition) => Math.max(180, def.rows.length * 26 + 40);
