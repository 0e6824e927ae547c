"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { dayTime, monthTicks } from "@/components/escalation/time-axis";
import { KINETIC_LABELS, type KineticSeries } from "@/lib/conflict/kinetic";

/** The index chart's axis geometry, so both panels read the same dates at the same ticks. */
const Y_AXIS_WIDTH = 40;
const MARGIN = { top: 8, right: 14, bottom: 4, left: 0 };
export const SERIES_COLOURS: Record<KineticSeries, string> = { all: "#1f2937", strikes: "#c2410c", battles: "#1d4ed8", crossBorder: "#7c3aed" };

export interface KineticPoint {
  t: number;
  date: string;
  [series: string]: number | string;
}

export function KineticChart({
  points,
  series,
  from,
  to,
  width,
  height,
  markers,
  highlight,
  animate = false,
}: {
  points: KineticPoint[];
  series: KineticSeries[];
  from: string;
  to: string;
  width: number;
  height: number;
  markers: { id: string; date: string; title: string }[];
  highlight: string | null;
  animate?: boolean;
}) {
  const plotWidth = Math.max(50, width - Y_AXIS_WIDTH - MARGIN.left - MARGIN.right);
  const { ticks, format } = monthTicks(from, to, plotWidth);
  return (
    <LineChart width={width} height={height} data={points} margin={MARGIN}>
      <CartesianGrid stroke="#e5e7eb" vertical={false} />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={[dayTime(from), dayTime(to)]}
        ticks={ticks}
        tickFormatter={format}
        tick={{ fontSize: 12 }}
        allowDataOverflow
      />
      <YAxis width={Y_AXIS_WIDTH} tick={{ fontSize: 12 }} allowDecimals={false} />
      {markers.map((m) => (
        <ReferenceLine
          key={m.id}
          x={dayTime(m.date)}
          stroke={m.id === highlight ? "#b91c1c" : "#9ca3af"}
          strokeDasharray={m.id === highlight ? undefined : "2 3"}
          strokeWidth={m.id === highlight ? 2 : 1}
          ifOverflow="hidden"
        />
      ))}
      <Tooltip
        labelFormatter={(v) => new Date(Number(v)).toISOString().slice(0, 10)}
        formatter={(v, name) => [Number(v).toLocaleString("en-GB", { maximumFractionDigits: 1 }), String(name)]}
      />
      {series.map((s) => (
        <Line
          key={s}
          dataKey={s}
          name={KINETIC_LABELS[s]}
          stroke={SERIES_COLOURS[s]}
          strokeWidth={s === "all" ? 2 : 1.5}
          dot={false}
          isAnimationActive={animate}
        />
      ))}
    </LineChart>
  );
}
