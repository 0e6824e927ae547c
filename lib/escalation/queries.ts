import type { DbTx } from "@/lib/db";
import { AppError } from "../errors";
import { getAllEvents, type EventDto } from "../events/queries";
import { computeEscalationIndex } from "./compute-escalation-index";
import { explainEscalationDay } from "./explain-escalation-day";
import { computeEscalationScale } from "./scale";
import { ESCALATION_METHOD_VERSION } from "./method-version";
import { INDEX_START, type TEscalationQuery, type TExplainQuery } from "./schemas";
import { todayIso } from "@/lib/dates/iso-day";

/** The engine throws RangeError for bad input; over HTTP that is the caller's mistake. */
function asBadRequest<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RangeError) throw new AppError("BAD_REQUEST", e.message, [{ path: [], message: e.message }], { cause: e });
    throw e;
  }
}

/**
 * The date of the last curated event (all events, not only the requested
 * range): after it the index only decays, so charts must not read it as calm.
 * Null when there are no events.
 */
function coverageEndOf(events: readonly { date: string }[]): string | null {
  let last: string | null = null;
  for (const e of events) if (last === null || e.date > last) last = e.date;
  return last;
}

export async function getEscalationSeries(db: DbTx, q: TEscalationQuery) {
  const events = await getAllEvents(db);
  const from = q.from ?? INDEX_START;
  const to = q.to ?? todayIso();
  if (from > to) {
    throw new AppError("BAD_REQUEST", `Invalid query parameter "from": ${from} is after the default end ${to}`, [
      { path: ["from"], message: "`from` must not be after `to`" },
    ]);
  }
  const result = asBadRequest(() => computeEscalationIndex({ events, from, to, halfLifeDays: q.halfLife, channels: q.subindex }));
  // Markers carry their summary and sources so a chart can show an event's evidence without a second request.
  const markers = events
    .filter((e) => e.date >= from && e.date <= to)
    .map(({ id, date, title, summary, actors, type, typeLabel, channel, severity, confidence, sources }) => ({
      id,
      date,
      title,
      summary,
      actors,
      type,
      typeLabel,
      channel,
      severity,
      confidence,
      sources,
    }));
  return {
    ...result,
    events: markers,
    eventCount: events.length,
    coverageEnd: coverageEndOf(events),
    methodVersion: ESCALATION_METHOD_VERSION,
    method: "/api/escalation/method",
  };
}

export async function explainEscalation(db: DbTx, q: TExplainQuery) {
  const events = await getAllEvents(db);
  const scale = computeEscalationScale(events, q.halfLife);
  const out = asBadRequest(() => explainEscalationDay<EventDto>({ events, date: q.date, halfLifeDays: q.halfLife, scale }));
  return {
    ...out,
    params: { date: q.date, halfLifeDays: q.halfLife },
    coverageEnd: coverageEndOf(events),
    methodVersion: ESCALATION_METHOD_VERSION,
  };
}
