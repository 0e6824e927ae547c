"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import { ComposedChart, XAxis, YAxis, usePlotArea, useXAxisScale } from "recharts";
import { labelFits, UNCOVERED_FILL, UNCOVERED_TEXT, uncoveredSpan, type UncoveredSpan } from "@/components/escalation/coverage";
import type { DeploymentDto } from "@/lib/deployments/queries";
import { formatDay } from "@/lib/format/dates";
import { dayTime, monthTicks } from "@/components/escalation/time-axis";
import { countryName, forceLabel, personnelText } from "./labels";
import { STATUS_STYLE, StatusGlyph } from "./status-style";
import { LANE, ROW_LABEL, timelineRows, type TimelineRow } from "./timeline-layout";

const MARGIN = { top: 6, right: 16, bottom: 4, left: 16 };
const AXIS_HEIGHT = 30;

export function markerLabel(d: DeploymentDto): string {
  return `${formatDay(d.date)} ${countryName(d.deployingCountry)} → ${countryName(d.hostCountry)}: ${forceLabel(d.forceType)}, ${personnelText(
    d.personnelLow,
    d.personnelHigh,
  )}, ${d.status}`;
}

/** A dot per report on a shared time axis, one row per deploying country. */
export function DeploymentTimeline({
  items,
  from,
  to,
  width,
  selectedId,
  onSelect,
  lastReport,
}: {
  items: DeploymentDto[];
  from: string;
  to: string;
  /** The last curated deployment report (of all, not only this range): later days are shaded. */
  lastReport: string | null;
  width: number;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const domain: [number, number] = [dayTime(from), dayTime(to)];
  const plotWidth = Math.max(50, width - MARGIN.left - MARGIN.right);
  const rows = timelineRows(items, domain, plotWidth);
  const rowsHeight = rows.reduce((s, r) => s + r.height, 0);
  const { ticks, format } = monthTicks(from, to, plotWidth);
  const uncovered = uncoveredSpan({ from, to }, lastReport, "deployment reports");
  return (
    <ComposedChart
      width={width}
      height={rowsHeight + AXIS_HEIGHT + MARGIN.top + MARGIN.bottom}
      data={items.map((d) => ({ t: dayTime(d.date) }))}
      margin={MARGIN}
      accessibilityLayer={false}
    >
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
        height={AXIS_HEIGHT}
      />
      <YAxis hide domain={[0, 1]} />
      {uncovered && <UncoveredShade span={uncovered} showLabel={labelFits(uncovered, { from, to }, plotWidth)} />}
      <TimelineDots rows={rows} selectedId={selectedId} onSelect={onSelect} />
    </ComposedChart>
  );
}

/**
 * The days after the last report, shaded (drawn with the chart's own scale:
 * this chart's hidden y axis gives a ReferenceArea nothing to span).
 */
function UncoveredShade({ span, showLabel }: { span: UncoveredSpan; showLabel: boolean }) {
  const xScale = useXAxisScale();
  const plot = usePlotArea();
  if (!xScale || !plot) return null;
  const x = Math.max(plot.x, xScale(dayTime(span.from)) ?? plot.x);
  const right = plot.x + plot.width;
  if (right <= x) return null;
  return (
    <g data-testid="uncovered-span" aria-label={span.label}>
      <rect x={x} y={plot.y} width={right - x} height={plot.height} fill={UNCOVERED_FILL} fillOpacity={0.85} />
      {showLabel && (
        <text x={right - 6} y={plot.y + plot.height - 8} textAnchor="end" fontSize={11} fill={UNCOVERED_TEXT}>
          {span.label}
        </text>
      )}
    </g>
  );
}

/** The rows and dots, placed with the chart's own x scale; one tab stop, arrow keys between dots. */
function TimelineDots({ rows, selectedId, onSelect }: { rows: TimelineRow[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const xScale = useXAxisScale();
  const plot = usePlotArea();
  const [focus, setFocus] = useState(0);
  const refs = useRef<(SVGGElement | null)[]>([]);
  if (!xScale || !plot) return null;

  const flat = rows.flatMap((r) => r.items.map((it) => ({ ...it, row: r })));
  const move = (i: number) => {
    const j = Math.max(0, Math.min(flat.length - 1, i));
    setFocus(j);
    refs.current[j]?.focus();
  };
  const onKeyDown = (i: number, e: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowRight: () => move(i + 1),
      ArrowDown: () => move(i + 1),
      ArrowLeft: () => move(i - 1),
      ArrowUp: () => move(i - 1),
      Home: () => move(0),
      End: () => move(flat.length - 1),
      Enter: () => onSelect(flat[i].item.id),
      " ": () => onSelect(flat[i].item.id),
    };
    if (!keys[e.key]) return;
    e.preventDefault();
    keys[e.key]();
  };

  return (
    <g role="group" aria-label={`${flat.length} deployment reports: arrow keys move between them, Enter shows one`}>
      {rows.map((r) => (
        <g key={r.country}>
          <text x={plot.x} y={plot.y + r.top + 13} fontSize={12.5} fontWeight={600} fill="#1b2330">
            {countryName(r.country)} → {r.hosts.map(countryName).join(", ")}
          </text>
          <line x1={plot.x} x2={plot.x + plot.width} y1={plot.y + r.top + r.height - 1} y2={plot.y + r.top + r.height - 1} stroke="#e3e7ed" />
        </g>
      ))}
      {flat.map(({ item, lane, row }, i) => {
        const x = xScale(dayTime(item.date)) ?? 0;
        const y = plot.y + row.top + ROW_LABEL + lane * LANE + LANE / 2;
        return (
          <g
            key={item.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            className="dep-marker"
            transform={`translate(${x}, ${y})`}
            role="button"
            tabIndex={i === focus ? 0 : -1}
            aria-label={markerLabel(item)}
            aria-pressed={item.id === selectedId}
            data-testid="deployment-marker"
            data-id={item.id}
            data-status={item.status}
            onClick={() => {
              setFocus(i);
              onSelect(item.id);
            }}
            onKeyDown={(e) => onKeyDown(i, e)}
          >
            <title>{`${markerLabel(item)}. ${STATUS_STYLE[item.status].description}. Sources: ${item.sources.map((s) => s.publisher).join("; ")}`}</title>
            <circle r={9} className="marker-ring" fill="transparent" stroke="transparent" />
            <StatusGlyph status={item.status} />
          </g>
        );
      })}
    </g>
  );
}
