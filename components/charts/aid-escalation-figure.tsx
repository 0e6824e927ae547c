"use client";

import { Bar, CartesianGrid, ComposedChart, Line, ReferenceArea, XAxis, YAxis } from "recharts";
import { INDEX_COLOR } from "@/components/charts/palette";
import { type AidCoverage, UNCOVERED_AREA, UNCOVERED_LINE } from "@/components/escalation/coverage";
import type { AidIndexRow, AidMarks } from "@/lib/charts/aid-escalation";
import { valueTicks } from "@/lib/charts/ticks";
import type { ChartSeries } from "@/lib/charts/types";
import { periodTicks } from "@/lib/export/period-ticks";
import { formatPeriod } from "@/lib/format/dates";
import { moneyTickFormatter } from "@/lib/export/axis-format";
import { FIGURE, tickStyle, type FigureProps } from "./figure-style";
import { spanLabel } from "./span-label";

/**
 * Monthly aid (stacked by category, or per donor; left axis) against the escalation index's
 * monthly mean (line, right axis). `coverage` is `aidCoverage` of the rows: the
 * months after the last curated event's are shaded and the index there dashed,
 * as on the dashboard.
 */
export function AidEscalationFigure({
  rows,
  series,
  marks,
  coverage,
  currency,
  width,
  height,
  fontSize,
}: FigureProps & { rows: AidIndexRow[]; series: ChartSeries[]; marks: AidMarks; coverage: AidCoverage<AidIndexRow>; currency: string }) {
  const ticks = periodTicks(
    rows.map((r) => r.period),
    Math.max(4, Math.floor(width / (fontSize * 7))),
  );
  const style = tickStyle(fontSize);
  // Both axes share their zero line: a negative index month (de-escalation) dips below the bars' baseline.
  const count = Math.max(3, Math.min(5, Math.floor(height / (fontSize * 4))));
  const top = marks === "stacked-bars" ? rows.map((r) => r.aid ?? 0) : rows.flatMap((r) => series.map((s) => Number(r[s.key] ?? 0)));
  const aidTicks = valueTicks(Math.max(...top, 1), count);
  const indexValues = rows.flatMap((r) => (r.index === null ? [] : [r.index]));
  const indexTicks = valueTicks(Math.max(...indexValues, 1), count);
  const aidMax = aidTicks[aidTicks.length - 1];
  const indexMax = indexTicks[indexTicks.length - 1];
  const below = Math.max(0, -Math.min(0, ...indexValues) / indexMax);
  const axes = { aid: fontSize * 5.2, index: fontSize * 3.2 };
  const margin = { top: 8, right: 4, bottom: 4, left: 4 };
  const plotWidth = width - axes.aid - axes.index - margin.left - margin.right;
  return (
    <ComposedChart width={width} height={height} data={coverage.rows} margin={margin} barCategoryGap={rows.length > 40 ? 1 : "12%"}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={FIGURE.grid} />
      {coverage.uncoveredFrom && (
        <ReferenceArea
          yAxisId="aid"
          x1={coverage.uncoveredFrom}
          x2={rows[rows.length - 1].period}
          {...UNCOVERED_AREA}
          label={spanLabel(coverage.label, coverage.uncoveredShare * plotWidth, fontSize)}
        />
      )}
      <XAxis dataKey="period" ticks={ticks} interval={0} tickFormatter={formatPeriod} tick={style} stroke={FIGURE.axis} tickMargin={6} />
      <YAxis
        yAxisId="aid"
        tickFormatter={moneyTickFormatter(aidTicks, currency)}
        width={axes.aid}
        tick={style}
        stroke={FIGURE.axis}
        ticks={aidTicks}
        domain={[-below * aidMax, aidMax]}
      />
      <YAxis
        yAxisId="index"
        orientation="right"
        width={axes.index}
        tick={{ ...style, fill: INDEX_COLOR }}
        stroke={INDEX_COLOR}
        ticks={indexTicks}
        domain={[-below * indexMax, indexMax]}
      />
      {series.map((s) =>
        marks === "lines" ? (
          <Line
            key={s.key}
            yAxisId="aid"
            type="monotone"
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            strokeWidth={Math.max(2, fontSize / 6)}
            dot={false}
            isAnimationActive={false}
          />
        ) : (
          <Bar
            key={s.key}
            yAxisId="aid"
            dataKey={s.key}
            name={s.label}
            stackId={marks === "stacked-bars" ? "a" : undefined}
            fill={s.color}
            fillOpacity={0.85}
            isAnimationActive={false}
          />
        ),
      )}
      <Line
        yAxisId="index"
        type="monotone"
        dataKey="indexCovered"
        name="Escalation index (monthly mean)"
        stroke={INDEX_COLOR}
        strokeWidth={3}
        dot={false}
        isAnimationActive={false}
        connectNulls={false}
      />
      {coverage.uncoveredFrom && (
        <Line
          yAxisId="index"
          type="monotone"
          dataKey="indexUncovered"
          {...UNCOVERED_LINE}
          stroke={INDEX_COLOR}
          isAnimationActive={false}
          connectNulls={false}
        />
      )}
    </ComposedChart>
  );
}
