import { computeEscalationIndex, formatDay, tryParseDay, type IndexEvent } from "@/lib/escalation";

/** How far after the event the second figure is read: the half-life's default, one month. */
export const PREVIEW_LATER_DAYS = 30;

export interface EventEffect {
  date: string;
  /** Index points the event adds (negative: removes) on its own date. */
  onDate: number;
  laterDate: string;
  /** Index points it still adds PREVIEW_LATER_DAYS later. */
  later: number;
}

/**
 * What one event does to the index, computed by the index's own engine: the
 * index with the event minus the index without it, on its date and a month
 * later. Both runs scale with their own event set, so an event in the 2022
 * reference window also shows its effect through the scale.
 */
export function previewEventEffect(events: readonly IndexEvent[], candidate: IndexEvent, halfLifeDays?: number): EventEffect {
  const day = tryParseDay(candidate.date);
  if (day === null) throw new RangeError(`invalid date ${candidate.date}`);
  const laterDate = formatDay(day + PREVIEW_LATER_DAYS);
  const others = events.filter((e) => e.id !== candidate.id);
  const run = (set: readonly IndexEvent[]) => computeEscalationIndex({ events: set, from: candidate.date, to: laterDate, halfLifeDays }).points;
  const without = run(others);
  const withIt = run([...others, candidate]);
  const last = withIt.length - 1;
  return {
    date: candidate.date,
    onDate: withIt[0].value - without[0].value,
    laterDate,
    later: withIt[last].value - without[last].value,
  };
}
