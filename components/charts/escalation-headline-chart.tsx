"use client";

import { Area, CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, XAxis, YAxis } from "recharts";
import { INDEX_COLOR } from "@/components/charts/palette";
import { spanWidth, splitAtCoverage, UNCOVERED_AREA, UNCOVERED_LINE, uncoveredSpan } from "@/components/escalation/coverage";
import { indexRows } from "@/components/escalation/escalation-series";
import type { Channel } from "@/lib/domain/taxonomy";
import { dayTicks } from "@/lib/export/period-ticks";
import { valueTicks } from "@/lib/charts/ticks";
import { dayTime, thin } from "@/lib/export/series";
import { formatMonth } from "@/lib/format/dates";
import { FIGURE, tickStyle, type FigureProps } from "./figure-style";
import { spanLabel } from "./span-label";

export const REFERENCE_COLOR = "#8a93a3";

const MARGIN = { top: 12, right: 16, bottom: 4, left: 4 };
const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/**
 * The headline escalation index over `domain`, with its 100 = 2022 reference
 * marked. After the last curated event (`coverageEnd`) the index only decays:
 * that span is shaded and the line there dashed, as on the dashboard.
 */
export function EscalationHeadlineChart({
  points,
  domain,
  coverageEnd,
  width,
  height,
  fontSize,
}: FigureProps & {
  points: { date: string; value: number; components: Record<Channel, number> }[];
  domain: { from: string; to: string };
  coverageEnd: string | null;
}) {
  const rows = splitAtCoverage(indexRows(points), coverageEnd, []);
  // Thinned for a light SVG, keeping the day where the solid line turns dashed so the two meet.
  const data = thin(rows, rows.length > 900 ? 2 : 1, (r) => r.date === coverageEnd).map((r) => ({
    t: r.t,
    covered: round1(r.covered),
    uncovered: round1(r.uncovered),
  }));
  const span = uncoveredSpan(domain, coverageEnd);
  const values = rows.map((r) => r.value);
  const max = Math.max(100, ...values);
  const min = Math.min(0, ...values);
  const yTicks = valueTicks(max, Math.max(3, Math.min(6, Math.floor(height / (fontSize * 4)))));
  const ticks = dayTicks(domain.from, domain.to, Math.max(3, Math.floor(width / (fontSize * 7)))).map(dayTime);
  const yAxisWidth = fontSize * 3.2;
  const plotWidth = width - yAxisWidth - MARGIN.left - MARGIN.right;
  return (
    <ComposedChart width={width} height={height} data={data} margin={MARGIN}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={FIGURE.grid} />
      {span && (
        <ReferenceArea
          x1={dayTime(span.from)}
          x2={dayTime(domain.to)}
          {...UNCOVERED_AREA}
          label={spanLabel(span.label, spanWidth(span, domain, plotWidth), fontSize)}
        />
      )}
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={[dayTime(domain.from), dayTime(domain.to)]}
        ticks={ticks}
        interval={0}
        tickFormatter={(t: number) => formatMonth(new Date(t).toISOString().slice(0, 10))}
        tick={tickStyle(fontSize)}
        stroke={FIGURE.axis}
        tickMargin={6}
      />
      <YAxis width={yAxisWidth} tick={tickStyle(fontSize)} stroke={FIGURE.axis} ticks={yTicks} domain={[min, yTicks[yTicks.length - 1]]} />
      {/* Named in the legend, not labelled here: any label spot collides with some peak. */}
      <ReferenceLine y={100} stroke={REFERENCE_COLOR} strokeDasharray="6 4" strokeWidth={1.5} />
      <ReferenceLine y={0} stroke={FIGURE.axis} />
      <Area
        type="monotone"
        dataKey="covered"
        name="Escalation index"
        stroke={INDEX_COLOR}
        strokeWidth={2}
        fill={INDEX_COLOR}
        fillOpacity={0.12}
        isAnimationActive={false}
        dot={false}
      />
      {span && <Line type="monotone" dataKey="uncovered" {...UNCOVERED_LINE} stroke={INDEX_COLOR} isAnimationActive={false} />}
    </ComposedChart>
  );
}
