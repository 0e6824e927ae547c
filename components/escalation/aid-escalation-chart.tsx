"use client";

import { Bar, CartesianGrid, ComposedChart, Line, ReferenceArea, Tooltip, XAxis, YAxis } from "recharts";
import { INDEX_COLOR } from "@/components/charts/palette";
import type { AidMarks } from "@/lib/charts/aid-escalation";
import { valueTicks } from "@/lib/charts/ticks";
import type { ChartSeries } from "@/lib/charts/types";
import { formatPeriod } from "@/lib/format/dates";
import { formatAxisMoney, formatMoney } from "@/lib/format/money";
import type { AidIndexRow } from "./escalation-series";
import { aidCoverage, textFits, UNCOVERED_AREA, UNCOVERED_LINE, UNCOVERED_TEXT } from "./coverage";
import { formatIndex } from "./format-index";
import { signedTicks } from "./signed-ticks";
import { periodTicks } from "./time-axis";

/**
 * Monthly aid (left axis: stacked bars by category, or per donor lines or
 * grouped bars) and the index's monthly mean as a line (right axis).
 */
export function AidEscalationChart({
  rows,
  series,
  marks,
  currency,
  width,
  height,
  aidSource,
  halfLife,
  coverageEnd,
}: {
  rows: AidIndexRow[];
  series: ChartSeries[];
  marks: AidMarks;
  currency: string;
  width: number;
  height: number;
  aidSource: string;
  halfLife: number;
  /** The last curated event (the API's coverageEnd); the months after it are shaded. */
  coverageEnd: string | null;
}) {
  const coverage = aidCoverage(rows, coverageEnd);
  const top = marks === "stacked-bars" ? rows.map((r) => r.aid ?? 0) : rows.flatMap((r) => series.map((s) => Number(r[s.key] ?? 0)));
  const aidTicks = valueTicks(Math.max(0, ...top));
  const indexValues = rows.flatMap((r) => (r.index === null ? [] : [r.index]));
  const indexTicks = signedTicks(Math.min(0, ...indexValues), Math.max(0, ...indexValues), 6);
  // Both axes put zero at the same height; otherwise an index of 0 would sit level with some amount of aid.
  const aidTop = aidTicks[aidTicks.length - 1];
  const aidBottom = indexTicks[0] < 0 ? (aidTop * indexTicks[0]) / indexTicks[indexTicks.length - 1] : 0;
  const narrow = width < 600;
  const axes = narrow ? { aid: 58, index: 34 } : { aid: 70, index: 42 };
  const plotWidth = width - axes.aid - axes.index;
  const xTicks = periodTicks(
    rows.map((r) => r.period),
    plotWidth,
  );
  return (
    <ComposedChart
      width={width}
      height={height}
      data={coverage.rows}
      margin={{ top: 8, right: 0, bottom: 4, left: 0 }}
      barCategoryGap={rows.length > 40 ? 1 : "12%"}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e3e7ed" />
      {coverage.uncoveredFrom && (
        <ReferenceArea
          yAxisId="aid"
          x1={coverage.uncoveredFrom}
          x2={rows[rows.length - 1].period}
          {...UNCOVERED_AREA}
          label={
            textFits(coverage.label, coverage.uncoveredShare * plotWidth)
              ? { value: coverage.label, position: "insideTop", offset: 6, fontSize: 11, fill: UNCOVERED_TEXT }
              : undefined
          }
        />
      )}
      <XAxis dataKey="period" ticks={xTicks.ticks} tickFormatter={xTicks.format} interval={0} minTickGap={8} tick={{ fontSize: 12 }} />
      <YAxis
        yAxisId="aid"
        ticks={aidTicks}
        domain={[aidBottom, aidTop]}
        tickFormatter={(v: number) => formatAxisMoney(v, currency)}
        width={axes.aid}
        tick={{ fontSize: 12 }}
      />
      <YAxis
        yAxisId="index"
        orientation="right"
        width={axes.index}
        tick={{ fontSize: 12, fill: INDEX_COLOR }}
        stroke={INDEX_COLOR}
        ticks={indexTicks}
        domain={[indexTicks[0], indexTicks[indexTicks.length - 1]]}
        tickFormatter={(v: number) => formatIndex(v, 0)}
      />
      <Tooltip content={<AidIndexTooltip series={series} currency={currency} aidSource={aidSource} halfLife={halfLife} />} isAnimationActive={false} />
      {series.map((s) =>
        marks === "lines" ? (
          <Line
            key={s.key}
            yAxisId="aid"
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            strokeWidth={2}
            dot={false}
            type="monotone"
            isAnimationActive={false}
          />
        ) : (
          <Bar
            key={s.key}
            yAxisId="aid"
            dataKey={s.key}
            name={s.label}
            stackId={marks === "stacked-bars" ? "aid" : undefined}
            fill={s.color}
            isAnimationActive={false}
          />
        ),
      )}
      <Line
        yAxisId="index"
        dataKey="indexCovered"
        name="Escalation index (monthly mean)"
        stroke={INDEX_COLOR}
        strokeWidth={2.5}
        dot={false}
        type="monotone"
        connectNulls={false}
        isAnimationActive={false}
      />
      {coverage.uncoveredFrom && (
        <Line
          yAxisId="index"
          dataKey="indexUncovered"
          {...UNCOVERED_LINE}
          stroke={INDEX_COLOR}
          type="monotone"
          connectNulls={false}
          isAnimationActive={false}
        />
      )}
    </ComposedChart>
  );
}

function AidIndexTooltip({
  active,
  payload,
  series,
  currency,
  aidSource,
  halfLife,
}: {
  active?: boolean;
  payload?: { payload?: AidIndexRow }[];
  series: ChartSeries[];
  currency: string;
  aidSource: string;
  halfLife: number;
}) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="tooltip">
      <div className="t-title">{formatPeriod(row.period)}</div>
      {row.aid === null ? (
        <div className="t-row muted">No aid data for this month</div>
      ) : (
        <>
          {series
            .filter((s) => Number(row[s.key] ?? 0) !== 0)
            .map((s) => (
              <div className="t-row" key={s.key}>
                <span>
                  <span className="swatch" style={{ background: s.color }} /> {s.label}
                </span>
                <span>{formatMoney(Number(row[s.key] ?? 0), currency)}</span>
              </div>
            ))}
          <div className="t-row">
            <span>Aid total</span>
            <strong>{formatMoney(row.aid, currency)}</strong>
          </div>
        </>
      )}
      <div className="t-row">
        <span>
          <span className="swatch" style={{ background: INDEX_COLOR }} /> Index, monthly mean
        </span>
        <strong>{row.index === null ? "–" : formatIndex(row.index)}</strong>
      </div>
      <div className="t-foot">
        {currency} · {aidSource} · index points (2022 peak = 100), mean of {row.indexDays} days, half-life {halfLife} d
      </div>
    </div>
  );
}

export function AidEscalationTable({ rows, currency }: { rows: AidIndexRow[]; currency: string }) {
  return (
    <table className="data" data-testid="aid-escalation-table">
      <caption className="visually-hidden">Monthly aid ({currency}) and the escalation index’s monthly mean</caption>
      <thead>
        <tr>
          <th scope="col">Month</th>
          <th scope="col" className="num">
            Aid ({currency})
          </th>
          <th scope="col" className="num">
            Index, monthly mean
          </th>
          <th scope="col" className="num">
            Days averaged
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.period} data-period={r.period}>
            <th scope="row">{formatPeriod(r.period)}</th>
            <td className="num" data-value={r.aid ?? ""}>
              {r.aid === null ? "no data" : formatMoney(r.aid, currency)}
            </td>
            <td className="num" data-value={r.index ?? ""}>
              {r.index === null ? "–" : formatIndex(r.index)}
            </td>
            <td className="num">{r.indexDays || "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
