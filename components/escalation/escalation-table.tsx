"use client";

import { CHANNEL_LABELS, type Channel } from "@/lib/domain/taxonomy";
import { formatDay } from "@/lib/format/dates";
import type { EscalationSeriesDto } from "@/lib/query-keys";
import { CHANNEL_SHORT } from "./channel-meta";
import { formatIndex } from "./format-index";

/**
 * The chart as data: every day of the range in date order, with the
 * sub-indices and that day's events. A date button explains that day, which
 * is also the keyboard route to the explanation of any day.
 */
export function EscalationTable({ data, channels, onDayPick }: { data: EscalationSeriesDto; channels: Channel[]; onDayPick?: (date: string) => void }) {
  const eventsByDate = new Map<string, string[]>();
  for (const e of data.events) eventsByDate.set(e.date, [...(eventsByDate.get(e.date) ?? []), e.title]);
  return (
    <div className="esc-table-scroll">
      <table className="data" data-testid="escalation-table">
        <caption className="visually-hidden">
          Daily escalation index, half-life {data.params.halfLifeDays} days, {formatDay(data.params.from)} to {formatDay(data.params.to)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col" className="num">
              Index
            </th>
            {channels.map((c) => (
              <th key={c} scope="col" className="num" title={CHANNEL_LABELS[c]}>
                {CHANNEL_SHORT[c]}
              </th>
            ))}
            <th scope="col">Events that day</th>
          </tr>
        </thead>
        <tbody>
          {data.points.map((p) => (
            <tr key={p.date} data-date={p.date}>
              <th scope="row">
                {onDayPick ? (
                  <button type="button" className="linklike" onClick={() => onDayPick(p.date)} aria-label={`Explain ${formatDay(p.date)}`}>
                    {p.date}
                  </button>
                ) : (
                  p.date
                )}
              </th>
              <td className="num" data-testid="index-value" data-value={p.value}>
                {formatIndex(p.value)}
              </td>
              {channels.map((c) => (
                <td key={c} className="num" data-value={p.components[c]}>
                  {formatIndex(p.components[c])}
                </td>
              ))}
              <td>{eventsByDate.get(p.date)?.join("; ") ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
