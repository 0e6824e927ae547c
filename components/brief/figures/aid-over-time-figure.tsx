"use client";

import { Area, AreaChart, Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import { activeCategories, type AidOverTimeRow } from "@/components/charts/aid-over-time-chart";
import { CATEGORY_COLORS } from "@/components/charts/palette";
import { CATEGORY_LABELS } from "@/lib/domain/taxonomy";
import { periodTicks } from "@/lib/export/period-ticks";
import { niceTicks } from "@/lib/export/series";
import { formatPeriod } from "@/lib/format/dates";
import { moneyTickFormatter } from "@/lib/export/axis-format";
import { FIGURE, tickStyle, type FigureProps } from "./figure-style";

export function AidOverTimeFigure({
  rows,
  currency,
  cumulative,
  width,
  height,
  fontSize,
}: FigureProps & { rows: AidOverTimeRow[]; currency: string; cumulative: boolean }) {
  const cats = activeCategories(rows);
  const ticks = periodTicks(rows.map((r) => r.period), Math.max(4, Math.floor(width / (fontSize * 7))));
  const yTicks = niceTicks(Math.max(...rows.map((r) => r.total), 1), Math.max(3, Math.min(6, Math.floor(height / (fontSize * 4)))));
  const common = { width, height, data: rows, margin: { top: 8, right: 16, bottom: 4, left: 4 } };
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={FIGURE.grid} />
      <XAxis
        dataKey="period"
        ticks={ticks}
        interval={0}
        tickFormatter={formatPeriod}
        tick={tickStyle(fontSize)}
        stroke={FIGURE.axis}
        tickMargin={6}
        // An area's first and last points sit on the plot's edges: room for their labels.
        padding={cumulative ? { left: fontSize * 1.5, right: fontSize * 2.5 } : undefined}
      />
      <YAxis tickFormatter={moneyTickFormatter(yTicks, currency)} width={fontSize * 5.2} tick={tickStyle(fontSize)} stroke={FIGURE.axis} ticks={yTicks} domain={[0, yTicks[yTicks.length - 1]]} />
    </>
  );
  return cumulative ? (
    <AreaChart {...common}>
      {axes}
      {cats.map((c) => (
        <Area key={c} type="monotone" dataKey={c} name={CATEGORY_LABELS[c]} stackId="a" stroke={CATEGORY_COLORS[c]} fill={CATEGORY_COLORS[c]} fillOpacity={0.8} isAnimationActive={false} />
      ))}
    </AreaChart>
  ) : (
    <BarChart {...common} barCategoryGap={rows.length > 40 ? 1 : "12%"}>
      {axes}
      {cats.map((c) => (
        <Bar key={c} dataKey={c} name={CATEGORY_LABELS[c]} stackId="a" fill={CATEGORY_COLORS[c]} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
