"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { CHANNEL_LABELS, SEVERITY_LADDER } from "@/lib/domain/taxonomy";
import { formatDay } from "@/lib/format/dates";
import { formatPercent } from "@/lib/format/money";
import { escalationExplainQuery } from "@/lib/query-keys";
import { explainApiQuery } from "./escalation-params";
import { formatIndex, formatSigned } from "./format-index";
import { MarkerSwatch } from "./marker-shapes";
import { SourceList } from "./source-list";
import { addDaysIso } from "./time-axis";
import type { PanelEvent } from "./types";

/** One event: what happened, its evidence, and how much it moved the index on its own day. */
export function EventDetails({ event, halfLife, onExplainDay }: { event: PanelEvent; halfLife: number; onExplainDay: (date: string) => void }) {
  const q = useQuery({ ...escalationExplainQuery(explainApiQuery(event.date, halfLife)), placeholderData: keepPreviousData });
  // Placeholder data may still be another day's; only this day's numbers are shown.
  const day = q.data && q.data.date === event.date && q.data.params.halfLifeDays === halfLife ? q.data : null;
  const own = day?.contributions.find((c) => c.event.id === event.id);

  return (
    <article className="explain-event" data-testid="explain-event" data-event-id={event.id}>
      <p className="explain-kicker">
        <MarkerSwatch channel={event.channel} confidence={event.confidence} /> {event.typeLabel} · {CHANNEL_LABELS[event.channel]}
      </p>
      <h3>{event.title}</h3>
      <p className="explain-date">
        <time dateTime={event.date}>{formatDay(event.date)}</time> <span className={`badge badge-${event.confidence}`}>{event.confidence}</span>
      </p>
      <p>{event.summary}</p>
      {event.actors.length > 0 && <p className="muted">Actors: {event.actors.join(", ")}</p>}

      <div className="explain-contribution" data-testid="event-contribution" data-value={own?.contribution ?? ""}>
        {own && day ? (
          <>
            <p>
              On its day it added <strong>{formatSigned(own.contribution)}</strong> points
              {day.value > 0 ? (
                <>
                  {" "}
                  of the index’s <strong>{formatIndex(day.value)}</strong> ({formatPercent(own.contribution / day.value)})
                </>
              ) : null}
              .
            </p>
            <p className="muted small">
              Severity {event.severity} ({SEVERITY_LADDER[event.severity] ?? "off the ladder"}) × confidence weight {own.confidenceWeight} × scale{" "}
              {day.scale.factor.toFixed(3)}. With a {halfLife}-day half-life it counts {formatSigned(own.contribution / 2)} on{" "}
              {formatDay(addDaysIso(event.date, halfLife))}.
            </p>
          </>
        ) : q.isError ? (
          <p className="field-error">Could not load its contribution: {q.error.message}</p>
        ) : (
          <p className="muted" role="status">
            Working out its contribution…
          </p>
        )}
      </div>

      <h4>Sources</h4>
      <SourceList sources={event.sources} />
      <button type="button" className="btn btn-small" onClick={() => onExplainDay(event.date)}>
        Everything behind {formatDay(event.date)}
      </button>
    </article>
  );
}
