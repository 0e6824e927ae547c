"use client";

import {
  beforeAfter,
  describeBeforeAfter,
  KINETIC_LABELS,
  type BeforeAfter,
  type DaySums,
  type KineticMeasure,
  type KineticSeries,
} from "@/lib/conflict/kinetic";

export interface CuratedMarker {
  id: string;
  date: string;
  title: string;
}

/** The comparison for the chosen curated event, in the panel's series and measure. */
export function computeBeforeAfter(
  days: readonly DaySums[],
  event: CuratedMarker | null,
  o: { windowDays: number; dataFrom: string; dataTo: string; series: KineticSeries; measure: KineticMeasure },
): { result: BeforeAfter; text: string } | null {
  if (!event) return null;
  const result = beforeAfter(days, { eventDate: event.date, ...o });
  return { result, text: describeBeforeAfter(result, `${KINETIC_LABELS[o.series]} (${o.measure})`) };
}

export function BeforeAfterControls({
  events,
  eventId,
  windowDays,
  onEvent,
  onWindow,
  text,
}: {
  events: CuratedMarker[];
  eventId: string | null;
  windowDays: number;
  onEvent: (id: string) => void;
  onWindow: (n: number) => void;
  text: string | null;
}) {
  return (
    <div className="panel" style={{ background: "#f8fafc" }} data-testid="kinetic-before-after">
      <div style={{ display: "flex", gap: 12, flexWrap: "wrap", alignItems: "end" }}>
        <label className="field" style={{ minWidth: 280, flex: 1 }}>
          <span>Before and after a curated event</span>
          <select value={eventId ?? ""} onChange={(e) => onEvent(e.target.value)} data-testid="kinetic-event">
            {events.map((e) => (
              <option key={e.id} value={e.id}>
                {e.date} · {e.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Days each side</span>
          <input type="number" min={3} max={180} value={windowDays} onChange={(e) => onWindow(Math.min(180, Math.max(3, Number(e.target.value) || 30)))} />
        </label>
      </div>
      <p style={{ marginBottom: 0 }} data-testid="kinetic-before-after-text">
        {text ?? "No curated event in the selected range."}
      </p>
    </div>
  );
}
