"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { CHANNEL_LABELS, type Channel } from "@/lib/domain/taxonomy";
import { formatDay } from "@/lib/format/dates";
import { escalationExplainQuery } from "@/lib/query-keys";
import { explainApiQuery } from "./escalation-params";
import { formatIndex, formatSigned } from "./format-index";
import { MarkerSwatch } from "./marker-shapes";
import type { PanelEvent } from "./types";

/** Rows smaller than this fold into one line unless the reader asks for all. */
const SMALL = 0.05;

/**
 * One day's value taken apart: every contributing event with its age, decay,
 * confidence weight and points. The rows add up to the value on the line
 * (the folded row and the API's dust total included).
 */
export function DayBreakdown({
  date,
  halfLife,
  channels,
  allChannels,
  onPickEvent,
}: {
  date: string;
  halfLife: number;
  channels: Channel[];
  allChannels: boolean;
  onPickEvent: (event: PanelEvent) => void;
}) {
  const [showAll, setShowAll] = useState(false);
  const q = useQuery({ ...escalationExplainQuery(explainApiQuery(date, halfLife)), placeholderData: keepPreviousData });
  const data = q.data && q.data.date === date && q.data.params.halfLifeDays === halfLife ? q.data : null;
  if (!data) {
    return q.isError ? (
      <p className="field-error">
        Could not explain {formatDay(date)}: {q.error.message}
      </p>
    ) : (
      <p className="muted" role="status">
        Explaining {formatDay(date)}…
      </p>
    );
  }

  const rows = data.contributions.filter((c) => channels.includes(c.channel));
  const total = rows.reduce((s, c) => s + c.contribution, 0) + (allChannels ? data.omitted.contribution : 0);
  const shown = showAll ? rows : rows.filter((c) => Math.abs(c.contribution) >= SMALL);
  const folded = rows.length - shown.length;
  const foldedSum = rows.filter((c) => !shown.includes(c)).reduce((s, c) => s + c.contribution, 0);

  return (
    <div className="day-breakdown" data-testid="explain-day" data-date={date}>
      <h3>
        {formatDay(date)}: index{" "}
        <span data-testid="explain-total" data-value={total}>
          {formatIndex(total)}
        </span>
      </h3>
      <p className="muted small">
        {allChannels
          ? "All sub-indices"
          : `Selected sub-indices only (${channels.map((c) => CHANNEL_LABELS[c]).join("; ")}); all five total ${formatIndex(data.value)}`}
        {" · "}half-life {halfLife} days · points = severity × weight × 0.5^(age ÷ half-life) × scale {data.scale.factor.toFixed(3)}
      </p>
      {rows.length === 0 ? (
        <p className="muted">No event before this day counts towards it.</p>
      ) : (
        <div className="table-wrap">
          <table className="data explain-table">
            <caption className="visually-hidden">Contributions to the index on {formatDay(date)}, largest first</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col" className="num">
                  Age (d)
                </th>
                <th scope="col" className="num">
                  Decay
                </th>
                <th scope="col" className="num">
                  Weight
                </th>
                <th scope="col" className="num">
                  Points
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.event.id} data-testid="contribution-row" data-event-id={c.event.id} data-value={c.contribution}>
                  <th scope="row">
                    <MarkerSwatch channel={c.channel} confidence={c.event.confidence} />{" "}
                    <button type="button" className="linklike" onClick={() => onPickEvent(c.event)}>
                      {c.event.title}
                    </button>
                    <span className="muted"> · {c.event.date}</span>
                  </th>
                  <td className="num">{c.ageDays}</td>
                  <td className="num">{c.decayFactor.toFixed(3)}</td>
                  <td className="num">{c.confidenceWeight}</td>
                  <td className="num">{formatSigned(c.contribution, 2)}</td>
                </tr>
              ))}
              {folded > 0 && (
                <tr>
                  <th scope="row" colSpan={4}>
                    {folded} smaller contributions{" "}
                    <button type="button" className="linklike" onClick={() => setShowAll(true)}>
                      show them
                    </button>
                  </th>
                  <td className="num">{formatSigned(foldedSum, 2)}</td>
                </tr>
              )}
              {allChannels && data.omitted.count > 0 && (
                <tr>
                  <th scope="row" colSpan={4} className="muted">
                    {data.omitted.count} events decayed below 10⁻⁹ each
                  </th>
                  <td className="num">{formatSigned(data.omitted.contribution, 2)}</td>
                </tr>
              )}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  Total = the index on {formatDay(date)}
                </th>
                <td className="num">
                  <strong>{formatIndex(total, 2)}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </div>
  );
}
