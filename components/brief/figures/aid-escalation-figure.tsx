"use client";

import { Bar, CartesianGrid, ComposedChart, Line, ReferenceArea, XAxis, YAxis } from "recharts";
import { activeCategories, type AidOverTimeRow } from "@/components/charts/aid-over-time-chart";
import { CATEGORY_COLORS, INDEX_COLOR } from "@/components/charts/palette";
import { type AidCoverage, UNCOVERED_AREA, UNCOVERED_LINE } from "@/components/escalation/coverage";
import { CATEGORY_LABELS } from "@/lib/domain/taxonomy";
import { periodTicks } from "@/lib/export/period-ticks";
import { niceTicks } from "@/lib/export/series";
import { formatPeriod } from "@/lib/format/dates";
import { moneyTickFormatter } from "@/lib/export/axis-format";
import { FIGURE, tickStyle, type FigureProps } from "./figure-style";
import { spanLabel } from "./span-label";

export type AidEscalationRow = AidOverTimeRow & { index: number | null };

/**
 * Monthly aid (stacked by category, left axis) against the escalation index's
 * monthly mean (line, right axis). `coverage` is `aidCoverage` of the rows: the
 * months after the last curated event's are shaded and the index there dashed,
 * as on the dashboard.
 */
export function AidEscalationFigure({
  rows,
  coverage,
  currency,
  width,
  height,
  fontSize,
}: FigureProps & { rows: AidEscalationRow[]; coverage: AidCoverage<AidEscalationRow>; currency: string }) {
  const cats = activeCategories(rows);
  const ticks = periodTicks(rows.map((r) => r.period), Math.max(4, Math.floor(width / (fontSize * 7))));
  const style = tickStyle(fontSize);
  // Both axes share their zero line: a negative index month (de-escalation) dips below the bars' baseline.
  const count = Math.max(3, Math.min(5, Math.floor(height / (fontSize * 4))));
  const aidTicks = niceTicks(Math.max(...rows.map((r) => r.total), 1), count);
  const indexValues = rows.flatMap((r) => (r.index === null ? [] : [r.index]));
  const indexTicks = niceTicks(Math.max(...indexValues, 1), count);
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
      <YAxis yAxisId="aid" tickFormatter={moneyTickFormatter(aidTicks, currency)} width={axes.aid} tick={style} stroke={FIGURE.axis} ticks={aidTicks} domain={[-below * aidMax, aidMax]} />
      <YAxis yAxisId="index" orientation="right" width={axes.index} tick={{ ...style, fill: INDEX_COLOR }} stroke={INDEX_COLOR} ticks={indexTicks} domain={[-below * indexMax, indexMax]} />
      {cats.map((c) => (
        <Bar key={c} yAxisId="aid" dataKey={c} name={CATEGORY_LABELS[c]} stackId="a" fill={CATEGORY_COLORS[c]} fillOpacity={0.85} isAnimationActive={false} />
      ))}
      <Line yAxisId="index" type="monotone" dataKey="indexCovered" name="Escalation index (monthly mean)" stroke={INDEX_COLOR} strokeWidth={3} dot={false} isAnimationActive={false} connectNulls={false} />
      {coverage.uncoveredFrom && (
        <Line yAxisId="index" type="monotone" dataKey="indexUncovered" {...UNCOVERED_LINE} stroke={INDEX_COLOR} isAnimationActive={false} connectNulls={false} />
      )}
    </ComposedChart>
  );
}
