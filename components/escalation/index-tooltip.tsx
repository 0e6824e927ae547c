"use client";

import { CHANNEL_LABELS, type Channel } from "@/lib/domain/taxonomy";
import { formatDay } from "@/lib/format/dates";
import { CHANNEL_COLORS, INDEX_COLOR } from "@/components/charts/palette";
import type { IndexRow } from "./escalation-series";
import type { EscalationMarker } from "./types";
import { formatIndex } from "./format-index";

/** Tooltip for the index line: the day, the value with its unit, the sub-indices, that day's events and the source. */
export function IndexTooltip({
  active,
  payload,
  channels,
  eventsByDate,
  halfLife,
  eventCount,
  coverageEnd,
}: {
  active?: boolean;
  payload?: { payload?: IndexRow }[];
  channels: Channel[];
  eventsByDate: Map<string, EscalationMarker[]>;
  halfLife: number;
  eventCount: number;
  /** Last curated event; later days only show the decay of earlier events. */
  coverageEnd: string | null;
}) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  const events = eventsByDate.get(row.date) ?? [];
  return (
    <div className="tooltip">
      <div className="t-title">{formatDay(row.date)}</div>
      <div className="t-row">
        <span>
          <span className="swatch" style={{ background: INDEX_COLOR }} /> Escalation index
        </span>
        <strong>{formatIndex(row.value)}</strong>
      </div>
      {channels.length > 1 &&
        channels.map((c) => (
          <div className="t-row" key={c}>
            <span>
              <span className="swatch" style={{ background: CHANNEL_COLORS[c] }} /> {CHANNEL_LABELS[c]}
            </span>
            <span>{formatIndex(row[c])}</span>
          </div>
        ))}
      {(coverageEnd === null || row.date > coverageEnd) && (
        <div className="t-row muted">
          {coverageEnd ? `No curated events after ${formatDay(coverageEnd)}: only the decay of earlier events` : "No curated events"}
        </div>
      )}
      {events.map((e) => (
        <div className="t-event" key={e.id}>
          ◆ {e.title}
        </div>
      ))}
      <div className="t-foot">
        Index points, 2022 peak (30-day mean) = 100 · half-life {halfLife} d · source: {eventCount} curated, sourced events · click to explain this day
      </div>
    </div>
  );
}
