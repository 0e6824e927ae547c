"use client";

import { Area, AreaChart, CartesianGrid, ReferenceLine, XAxis, YAxis } from "recharts";
import { INDEX_COLOR } from "@/components/charts/palette";
import { dayTicks } from "@/lib/export/period-ticks";
import { dayTime, niceTicks, thin } from "@/lib/export/series";
import { formatMonth } from "@/lib/format/dates";
import { FIGURE, tickStyle, type FigureProps } from "./figure-style";

export const REFERENCE_COLOR = "#8a93a3";

/** The headline escalation index over the range, with its 100 = 2022 reference marked. */
export function EscalationFigure({ points, width, height, fontSize }: FigureProps & { points: { date: string; value: number }[] }) {
  const data = thin(points, points.length > 900 ? 2 : 1).map((p) => ({ t: dayTime(p.date), value: Math.round(p.value * 10) / 10 }));
  const from = points[0]?.date ?? "2022-01-01";
  const to = points[points.length - 1]?.date ?? from;
  const max = Math.max(100, ...data.map((d) => d.value));
  const min = Math.min(0, ...data.map((d) => d.value));
  const yTicks = niceTicks(max, Math.max(3, Math.min(6, Math.floor(height / (fontSize * 4)))));
  const ticks = dayTicks(from, to, Math.max(3, Math.floor(width / (fontSize * 7)))).map(dayTime);
  return (
    <AreaChart width={width} height={height} data={data} margin={{ top: 12, right: 16, bottom: 4, left: 4 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={FIGURE.grid} />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={[dayTime(from), dayTime(to)]}
        ticks={ticks}
        interval={0}
        tickFormatter={(t: number) => formatMonth(new Date(t).toISOString().slice(0, 10))}
        tick={tickStyle(fontSize)}
        stroke={FIGURE.axis}
        tickMargin={6}
      />
      <YAxis width={fontSize * 3.2} tick={tickStyle(fontSize)} stroke={FIGURE.axis} ticks={yTicks} domain={[min, yTicks[yTicks.length - 1]]} />
      {/* Named in the legend, not labelled here: any label spot collides with some peak. */}
      <ReferenceLine y={100} stroke={REFERENCE_COLOR} strokeDasharray="6 4" strokeWidth={1.5} />
      <ReferenceLine y={0} stroke={FIGURE.axis} />
      <Area type="monotone" dataKey="value" name="Escalation index" stroke={INDEX_COLOR} strokeWidth={2} fill={INDEX_COLOR} fillOpacity={0.12} isAnimationActive={false} dot={false} />
    </AreaChart>
  );
}
