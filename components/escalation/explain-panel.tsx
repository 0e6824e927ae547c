"use client";

import { useId, useState } from "react";
import type { Channel } from "@/lib/domain/taxonomy";
import { DayBreakdown } from "./day-breakdown";
import { EventDetails } from "./event-details";
import type { PanelEvent, Selection } from "./types";

/**
 * The side panel: an event (hovered, focused or picked) or one day's
 * breakdown, plus a date box so any day can be explained from the keyboard.
 */
export function ExplainPanel({
  selection,
  preview,
  halfLife,
  channels,
  allChannels,
  range,
  onSelect,
}: {
  selection: Selection | null;
  /** A hovered or focused marker, shown over the pinned selection until the pointer leaves. */
  preview: PanelEvent | null;
  halfLife: number;
  channels: Channel[];
  allChannels: boolean;
  range: { from: string; to: string } | null;
  onSelect: (s: Selection | null) => void;
}) {
  const headingId = useId();
  const [date, setDate] = useState("");
  const shown: Selection | null = preview ? { kind: "event", event: preview } : selection;

  return (
    <aside className="panel explain-panel" aria-labelledby={headingId} data-testid="explain-panel">
      <header className="explain-header">
        <h2 id={headingId}>What drives the index</h2>
        {selection && (
          <button type="button" className="btn btn-small" onClick={() => onSelect(null)}>
            Clear
          </button>
        )}
      </header>
      <form
        className="explain-date-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (date) onSelect({ kind: "day", date });
        }}
      >
        <label className="field">
          <span>Explain a day</span>
          <input type="date" value={date} min={range?.from} max={range?.to} onChange={(e) => setDate(e.target.value)} required />
        </label>
        <button type="submit" className="btn btn-small">
          Explain
        </button>
      </form>
      {!shown ? (
        <p className="muted">
          Hover over or select an event marker above the chart to see the event, its sources and what it added to the index. Click the line (or a date in the
          table view) to list every event behind that day’s value.
        </p>
      ) : shown.kind === "event" ? (
        <EventDetails key={shown.event.id} event={shown.event} halfLife={halfLife} onExplainDay={(d) => onSelect({ kind: "day", date: d })} />
      ) : (
        <DayBreakdown
          key={shown.date}
          date={shown.date}
          halfLife={halfLife}
          channels={channels}
          allChannels={allChannels}
          onPickEvent={(event) => onSelect({ kind: "event", event })}
        />
      )}
    </aside>
  );
}
