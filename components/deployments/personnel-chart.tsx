"use client";

import { Area, CartesianGrid, ComposedChart, ReferenceArea, Tooltip, XAxis, YAxis, usePlotArea, useXAxisScale, useYAxisScale } from "recharts";
import { labelFits, UNCOVERED_FILL, UNCOVERED_TEXT, uncoveredSpan } from "@/components/escalation/coverage";
import { CHANNEL_COLORS } from "@/components/charts/palette";
import { formatDay } from "@/lib/format/dates";
import { formatCount } from "@/lib/format/money";
import { valueTicks } from "@/lib/charts/ticks";
import { dayTime, monthTicks } from "@/components/escalation/time-axis";
import { forceLabel, personnelText } from "./labels";
import type { PersonnelRow } from "./personnel-series";
import { STATUS_STYLE } from "./status-style";

/** Third-country involvement has one colour across the app (the index's third-country channel). */
export const PERSONNEL_COLOR = CHANNEL_COLORS.third_country;

const compact = (n: number) => (n >= 1000 ? `${formatCount(n / 1000)}k` : formatCount(n));

/**
 * Personnel per report over time: a low–high band through the reports that
 * give both bounds, ▲ for "at least" and ▼ for "up to" reports.
 */
export function PersonnelChart({
  rows,
  from,
  to,
  width,
  height,
  lastReport,
}: {
  rows: PersonnelRow[];
  from: string;
  to: string;
  width: number;
  height: number;
  /** The last curated deployment report: the days after it are shaded, not read as "no change". */
  lastReport: string | null;
}) {
  const uncovered = uncoveredSpan({ from, to }, lastReport, "deployment reports");
  const domain: [number, number] = [dayTime(from), dayTime(to)];
  const max = Math.max(0, ...rows.map((r) => Math.max(r.low ?? 0, r.high ?? 0)));
  const yTicks = valueTicks(max, 4);
  const { ticks, format } = monthTicks(from, to, width - 76);
  return (
    <ComposedChart width={width} height={height} data={rows} margin={{ top: 12, right: 16, bottom: 4, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e3e7ed" />
      {uncovered && (
        <ReferenceArea
          x1={dayTime(uncovered.from)}
          x2={domain[1]}
          fill={UNCOVERED_FILL}
          fillOpacity={0.85}
          stroke="none"
          ifOverflow="hidden"
          label={
            labelFits(uncovered, { from, to }, width - 76)
              ? { value: uncovered.label, position: "insideTop", offset: 8, fontSize: 11, fill: UNCOVERED_TEXT }
              : undefined
          }
        />
      )}
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={domain}
        ticks={ticks}
        tickFormatter={format}
        minTickGap={16}
        tick={{ fontSize: 12 }}
        allowDataOverflow
      />
      <YAxis ticks={yTicks} domain={[0, yTicks[yTicks.length - 1]]} tickFormatter={compact} width={44} tick={{ fontSize: 12 }} />
      <Tooltip content={<PersonnelTooltip />} isAnimationActive={false} />
      <Area
        dataKey="range"
        name="Low–high range"
        type="linear"
        stroke={PERSONNEL_COLOR}
        strokeWidth={1.5}
        fill={PERSONNEL_COLOR}
        fillOpacity={0.22}
        connectNulls
        dot={{ r: 3, fill: PERSONNEL_COLOR, strokeWidth: 0 }}
        activeDot={false}
        isAnimationActive={false}
      />
      <BoundMarkers rows={rows} />
    </ComposedChart>
  );
}

/** One-bound reports as triangles pointing the way the truth may lie. */
function BoundMarkers({ rows }: { rows: PersonnelRow[] }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const plot = usePlotArea();
  if (!x || !y || !plot) return null;
  const s = 6.5;
  return (
    <g aria-hidden="true">
      {rows.map((r) => {
        const value = r.lowOnly ?? r.highOnly;
        if (value === null) return null;
        const cx = x(r.t) ?? 0;
        const cy = y(value) ?? 0;
        const up = r.lowOnly !== null;
        const d = up ? `M 0 ${-s} L ${s} ${s * 0.8} L ${-s} ${s * 0.8} Z` : `M 0 ${s} L ${s} ${-s * 0.8} L ${-s} ${-s * 0.8} Z`;
        return (
          <path
            key={r.id}
            d={d}
            transform={`translate(${cx}, ${cy})`}
            fill={up ? PERSONNEL_COLOR : "#fff"}
            stroke={PERSONNEL_COLOR}
            strokeWidth={1.75}
            data-testid={up ? "personnel-low-only" : "personnel-high-only"}
          />
        );
      })}
    </g>
  );
}

function PersonnelTooltip({ active, payload }: { active?: boolean; payload?: { payload?: PersonnelRow }[] }) {
  const r = payload?.[0]?.payload;
  if (!active || !r) return null;
  return (
    <div className="tooltip">
      <div className="t-title">{formatDay(r.date)}</div>
      <div className="t-row">
        <span>{forceLabel(r.forceType)}</span>
        <strong>{personnelText(r.low, r.high)} personnel</strong>
      </div>
      <div className="t-row">
        <span>Status</span>
        <span>{STATUS_STYLE[r.status].label}</span>
      </div>
      <div className="t-foot">Source: {r.publishers.join("; ")}</div>
    </div>
  );
}
