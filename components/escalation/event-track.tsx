"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import { usePlotArea, useXAxisScale } from "recharts";
import { formatDay } from "@/lib/format/dates";
import type { EscalationMarker } from "./types";
import { MarkerGlyph } from "./marker-shapes";
import { dayTime } from "./time-axis";

export const LANE_HEIGHT = 15;
/** Space between the lowest lane and the plot, clear of the top y-axis label. */
export const TRACK_GAP = 16;

/**
 * Event markers in a track above the plot, one button per event. They sit in
 * the chart's top margin (lanes keep near-simultaneous events apart) rather
 * than on the line, where same-week events would cover each other and the
 * curve. One tab stop for the whole track; arrow keys move between events.
 */
export function EventTrack({
  events,
  lanes,
  activeId,
  pinnedId,
  onHover,
  onPick,
}: {
  events: EscalationMarker[];
  lanes: number[];
  activeId: string | null;
  pinnedId: string | null;
  onHover: (id: string | null) => void;
  onPick: (id: string) => void;
}) {
  const xScale = useXAxisScale();
  const plot = usePlotArea();
  const [focusIndex, setFocusIndex] = useState(0);
  const refs = useRef<(SVGGElement | null)[]>([]);
  if (!xScale || !plot) return null;

  const xOf = (e: EscalationMarker) => xScale(dayTime(e.date)) ?? 0;
  const yOf = (i: number) => plot.y - TRACK_GAP - lanes[i] * LANE_HEIGHT;
  const active = events.findIndex((e) => e.id === activeId);

  const move = (to: number) => {
    const j = Math.max(0, Math.min(events.length - 1, to));
    setFocusIndex(j);
    refs.current[j]?.focus();
  };
  const onKeyDown = (i: number, e: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowRight: () => move(i + 1),
      ArrowDown: () => move(i + 1),
      ArrowLeft: () => move(i - 1),
      ArrowUp: () => move(i - 1),
      Home: () => move(0),
      End: () => move(events.length - 1),
      Enter: () => onPick(events[i].id),
      " ": () => onPick(events[i].id),
    };
    const action = keys[e.key];
    if (!action) return;
    // The chart's own keyboard layer also listens for arrows; this track handles them alone.
    e.preventDefault();
    e.stopPropagation();
    action();
  };

  return (
    <g className="event-track" role="group" aria-label={`${events.length} events: arrow keys move between them, Enter shows one`}>
      {active >= 0 && (
        <line
          x1={xOf(events[active])}
          x2={xOf(events[active])}
          y1={yOf(active) + 7}
          y2={plot.y + plot.height}
          stroke="#5b6576"
          strokeDasharray="3 3"
          pointerEvents="none"
        />
      )}
      {events.map((e, i) => (
        <g
          key={e.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          className="event-marker"
          transform={`translate(${xOf(e)}, ${yOf(i)})`}
          role="button"
          tabIndex={i === focusIndex ? 0 : -1}
          aria-label={`${formatDay(e.date)} ${e.title}`}
          aria-pressed={e.id === pinnedId}
          data-testid="event-marker"
          data-event-id={e.id}
          data-date={e.date}
          onClick={(ev) => {
            // The chart's click explains a day; a marker click means this event.
            ev.stopPropagation();
            setFocusIndex(i);
            onPick(e.id);
          }}
          onKeyDown={(ev) => onKeyDown(i, ev)}
          onMouseEnter={() => onHover(e.id)}
          onMouseLeave={() => onHover(null)}
          onFocus={(ev) => {
            // The chart's keyboard layer treats any focus inside it as "show the first day's tooltip".
            ev.stopPropagation();
            setFocusIndex(i);
            onHover(e.id);
          }}
          onBlur={(ev) => {
            ev.stopPropagation();
            onHover(null);
          }}
        >
          <circle r={8} className="marker-ring" fill="transparent" stroke="transparent" />
          <MarkerGlyph channel={e.channel} confidence={e.confidence} r={5} />
        </g>
      ))}
    </g>
  );
}
