"use client";

import { CartesianGrid, Scatter, ScatterChart, XAxis, YAxis, ZAxis } from "recharts";
import type { DeploymentDto } from "@/lib/deployments/queries";
import type { DeploymentStatus } from "@/lib/domain/taxonomy";
import { dayTicks } from "@/lib/export/period-ticks";
import { dayTime } from "@/lib/export/series";
import { formatMonth } from "@/lib/format/dates";
import { FIGURE, tickStyle, type FigureProps } from "./figure-style";

/** Status colours, from the badges on the deployments pages. */
export const STATUS_COLORS: Record<DeploymentStatus, string> = {
  reported: "#d4a500",
  confirmed: "#009e73",
  acknowledged: "#0072b2",
  denied: "#c0392b",
};

export const forceLabel = (f: string) => f.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());

/**
 * Third-country deployments as a timeline: one lane per force type, a dot per
 * report coloured by its status, its area by the personnel reported (the
 * caller names the largest in its note: labels would collide where reports
 * cluster).
 */
export function DeploymentsFigure({ items, from, to, width, height, fontSize }: FigureProps & { items: DeploymentDto[]; from: string; to: string }) {
  const lanes = [...new Set(items.map((d) => d.forceType))];
  const laneLabels = lanes.map(forceLabel);
  const style = tickStyle(fontSize);
  const points = (status: DeploymentStatus) =>
    items
      .filter((d) => d.status === status)
      .map((d) => {
        const people = d.personnelHigh ?? d.personnelLow;
        return { t: dayTime(d.date), lane: lanes.indexOf(d.forceType), people: people ?? 0 };
      });
  const ticks = dayTicks(from, to, Math.max(3, Math.floor(width / (fontSize * 7)))).map(dayTime);
  const labelWidth = Math.max(...laneLabels.map((l) => l.length), 6) * fontSize * 0.6 + 12;
  return (
    <ScatterChart width={width} height={height} margin={{ top: 16, right: 32, bottom: 4, left: 4 }}>
      <CartesianGrid strokeDasharray="3 3" stroke={FIGURE.grid} />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={[dayTime(from), dayTime(to)]}
        ticks={ticks}
        interval={0}
        tickFormatter={(t: number) => formatMonth(new Date(t).toISOString().slice(0, 10))}
        tick={style}
        stroke={FIGURE.axis}
        tickMargin={6}
      />
      <YAxis
        dataKey="lane"
        type="number"
        domain={[-0.6, lanes.length - 0.4]}
        ticks={lanes.map((_, i) => i)}
        tickFormatter={(i: number) => laneLabels[i] ?? ""}
        width={labelWidth}
        tick={style}
        stroke={FIGURE.axis}
        reversed
      />
      <ZAxis dataKey="people" range={[fontSize * 6, fontSize * 40]} domain={[0, 12000]} />
      {(Object.keys(STATUS_COLORS) as DeploymentStatus[]).map((s) => (
        <Scatter key={s} name={s} data={points(s)} fill={STATUS_COLORS[s]} fillOpacity={0.8} stroke="#fff" strokeWidth={1.5} isAnimationActive={false} />
      ))}
    </ScatterChart>
  );
}
