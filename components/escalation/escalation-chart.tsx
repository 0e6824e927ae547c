"use client";

import { useMemo } from "react";
import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { CHANNEL_COLORS, INDEX_COLOR } from "@/components/charts/palette";
import { CHANNEL_LABELS, type Channel } from "@/lib/domain/taxonomy";
import type { EscalationSeriesDto } from "@/lib/query-keys";
import { labelFits, splitAtCoverage, UNCOVERED_AREA, UNCOVERED_LINE, UNCOVERED_TEXT, uncoveredSpan } from "./coverage";
import { DayClickLayer } from "./day-click-layer";
import { EventTrack, LANE_HEIGHT, TRACK_GAP } from "./event-track";
import { indexRows } from "./escalation-series";
import { formatIndex } from "./format-index";
import { IndexTooltip } from "./index-tooltip";
import { signedTicks } from "./signed-ticks";
import { assignLanes, dayTime, monthTicks } from "./time-axis";
import type { EscalationMarker } from "./types";

const Y_AXIS_WIDTH = 40;
const MARGIN = { right: 14, bottom: 4, left: 0 };
// Enough lanes that a phone-width axis (months per marker) still keeps every marker clickable.
const MAX_LANES = 10;

/** The event track's lanes and height above a chart `width` wide (near-simultaneous events take further lanes). */
export function eventTrackLayout(data: Pick<EscalationSeriesDto, "params" | "events">, width: number) {
  const t0 = dayTime(data.params.from);
  const t1 = dayTime(data.params.to);
  const plotWidth = Math.max(50, width - Y_AXIS_WIDTH - MARGIN.left - MARGIN.right);
  const msPerPx = Math.max(1, t1 - t0) / plotWidth;
  const lanes = assignLanes(
    data.events.map((e) => dayTime(e.date)),
    13 * msPerPx,
    MAX_LANES,
  );
  return { plotWidth, lanes, trackHeight: Math.max(0, ...lanes) * LANE_HEIGHT + TRACK_GAP + 12 };
}

const ignore = () => {};

/**
 * The chart for an exported image: drawn to fill `width` × `height` (event
 * track included), without the screen's hover, pin or day marks.
 */
export function EscalationFigure({ data, channels, width, height }: { data: EscalationSeriesDto; channels: Channel[]; width: number; height: number }) {
  const { trackHeight } = eventTrackLayout(data, width);
  return (
    <EscalationChart
      data={data}
      channels={channels}
      width={width}
      height={Math.max(160, height - trackHeight)}
      activeEventId={null}
      pinnedEventId={null}
      markedDate={null}
      onEventHover={ignore}
      onEventPick={ignore}
      onDayPick={ignore}
    />
  );
}

/**
 * The daily headline index (thick line), the selected sub-indices (thin
 * lines) and the event track above. Clicking the line explains that day.
 */
export function EscalationChart({
  data,
  channels,
  width,
  height,
  activeEventId,
  pinnedEventId,
  markedDate,
  onEventHover,
  onEventPick,
  onDayPick,
}: {
  data: EscalationSeriesDto;
  channels: Channel[];
  width: number;
  height: number;
  activeEventId: string | null;
  pinnedEventId: string | null;
  markedDate: string | null;
  onEventHover: (id: string | null) => void;
  onEventPick: (id: string) => void;
  onDayPick: (date: string) => void;
}) {
  const rows = useMemo(() => splitAtCoverage(indexRows(data.points), data.coverageEnd, channels), [data.points, data.coverageEnd, channels]);
  const { from, to, halfLifeDays } = data.params;
  const uncovered = uncoveredSpan({ from, to }, data.coverageEnd);
  const t0 = dayTime(from);
  const t1 = dayTime(to);
  const { plotWidth, lanes, trackHeight } = useMemo(() => eventTrackLayout(data, width), [data, width]);
  const { ticks, format } = monthTicks(from, to, plotWidth);
  const eventsByDate = useMemo(() => {
    const m = new Map<string, EscalationMarker[]>();
    for (const e of data.events) m.set(e.date, [...(m.get(e.date) ?? []), e]);
    return m;
  }, [data.events]);
  const showComponents = channels.length > 1;
  const yTicks = useMemo(() => {
    let lo = 0;
    let hi = 0;
    for (const r of rows) {
      lo = Math.min(lo, r.value, ...(showComponents ? channels.map((c) => r[c]) : []));
      hi = Math.max(hi, r.value, ...(showComponents ? channels.map((c) => r[c]) : []));
    }
    return signedTicks(lo, hi, height < 280 ? 4 : 6);
  }, [rows, channels, showComponents, height]);

  return (
    <ComposedChart width={width} height={height + trackHeight} data={rows} margin={{ ...MARGIN, top: trackHeight }} style={{ cursor: "pointer" }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e3e7ed" />
      {uncovered && (
        <ReferenceArea
          x1={dayTime(uncovered.from)}
          x2={t1}
          {...UNCOVERED_AREA}
          label={
            labelFits(uncovered, { from, to }, plotWidth)
              ? { value: uncovered.label, position: "insideBottom", offset: 8, fontSize: 11, fill: UNCOVERED_TEXT }
              : undefined
          }
        />
      )}
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={[t0, t1]}
        ticks={ticks}
        tickFormatter={format}
        minTickGap={16}
        tick={{ fontSize: 12 }}
        allowDataOverflow
      />
      <YAxis
        width={Y_AXIS_WIDTH}
        ticks={yTicks}
        domain={[yTicks[0], yTicks[yTicks.length - 1]]}
        tick={{ fontSize: 12 }}
        tickFormatter={(v: number) => formatIndex(v, 0)}
      />
      <ReferenceLine y={0} stroke="#9aa3b2" />
      {data.scale.scaled && (
        <ReferenceLine
          y={100}
          stroke="#8a93a3"
          strokeDasharray="6 4"
          ifOverflow="hidden"
          label={{ value: "100 = 2022 peak", position: "insideTopRight", fontSize: 11, fill: "#5b6576" }}
        />
      )}
      {markedDate && <ReferenceLine x={dayTime(markedDate)} stroke={INDEX_COLOR} strokeDasharray="2 3" />}
      <Tooltip
        content={
          <IndexTooltip channels={channels} eventsByDate={eventsByDate} halfLife={halfLifeDays} eventCount={data.eventCount} coverageEnd={data.coverageEnd} />
        }
        isAnimationActive={false}
      />
      {showComponents &&
        channels.map((c) => (
          <Line
            key={c}
            dataKey={`${c}_covered`}
            name={CHANNEL_LABELS[c]}
            stroke={CHANNEL_COLORS[c]}
            strokeWidth={1.25}
            strokeOpacity={0.85}
            dot={false}
            activeDot={false}
            type="linear"
            isAnimationActive={false}
          />
        ))}
      <Line
        dataKey="covered"
        name="Escalation index"
        stroke={INDEX_COLOR}
        strokeWidth={2.5}
        dot={false}
        activeDot={{ r: 4 }}
        type="linear"
        isAnimationActive={false}
      />
      {uncovered && (
        // After the last curated event the index only decays: dashed and faint, not a confident line.
        <Line dataKey="uncovered" {...UNCOVERED_LINE} stroke={INDEX_COLOR} activeDot={{ r: 3 }} type="linear" isAnimationActive={false} />
      )}
      <DayClickLayer onDayPick={onDayPick} from={t0} to={t1} />
      <EventTrack events={data.events} lanes={lanes} activeId={activeEventId} pinnedId={pinnedEventId} onHover={onEventHover} onPick={onEventPick} />
    </ComposedChart>
  );
}
