import { DEFAULT_HALF_LIFE_DAYS } from "./constants";
import { parseDay } from "./dates";
import { resolveScale } from "./scale";
import { decayFactor } from "./series";
import type { EscalationDayExplanation, EventContribution, IndexEvent, ScaleOption } from "./types";
import { prepareEvents, validateHalfLife } from "./validate";

export type ExplainEscalationDayInput<E extends IndexEvent> = {
  /** The full event set, as for computeEscalationIndex (the scale depends on it). */
  events: readonly E[];
  date: string;
  halfLifeDays?: number;
  scale?: ScaleOption;
};

/** Below this an event has decayed to nothing worth listing... */
const NEGLIGIBLE = 1e-9;
/**
 * ...but hidden rows may total at most this, so the listed contributions
 * always add up to `value` (many dust-sized old events can otherwise sum past
 * 1e-9 with a 30-day half-life after a few years of data).
 */
const OMITTED_BUDGET = 1e-10;

/**
 * Which events make up the headline index on one day, largest first, using
 * the exact per-event formula. `value` is the exact headline (it matches
 * computeEscalationIndex for that day). The smallest contributions (each
 * ≤ 1e-9, together ≤ 1e-10) are left out and totalled in `omitted`, so the
 * listed rows sum to `value` within 1e-10 (plus float rounding).
 */
export function explainEscalationDay<E extends IndexEvent>(input: ExplainEscalationDayInput<E>): EscalationDayExplanation<E> {
  const day = parseDay(input.date, "date");
  const halfLifeDays = validateHalfLife(input.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS);
  const events = prepareEvents(input.events);
  const scale = resolveScale(input.scale, events, halfLifeDays);

  const contributions: EventContribution<E>[] = [];
  let value = 0;
  for (const e of events) {
    if (e.day > day) continue;
    const ageDays = day - e.day;
    const decay = decayFactor(ageDays, halfLifeDays);
    const contribution = e.impulse * decay * scale.factor;
    value += contribution;
    contributions.push({
      event: e.event,
      channel: e.channel,
      contribution,
      ageDays,
      decayFactor: decay,
      confidenceWeight: e.confidenceWeight,
    });
  }
  // Ties: newer first, then by id, so the order is stable across requests.
  contributions.sort(
    (a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.ageDays - b.ageDays || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0),
  );

  // Drop dust from the small end while the dropped total stays within budget.
  const omitted = { count: 0, contribution: 0 };
  let dropped = 0;
  while (contributions.length > 0) {
    const smallest = Math.abs(contributions[contributions.length - 1].contribution);
    if (smallest > NEGLIGIBLE || dropped + smallest > OMITTED_BUDGET) break;
    const row = contributions.pop()!;
    dropped += smallest;
    omitted.count += 1;
    omitted.contribution += row.contribution;
  }
  return { date: input.date, value, scale, contributions, omitted };
}
