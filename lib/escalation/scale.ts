import { SCALE_REFERENCE_YEAR, SCALE_TARGET, SCALE_WINDOW_DAYS } from "./constants";
import { parseDay } from "./dates";
import { rawChannelSeries, sumChannels } from "./series";
import type { EscalationScale, IndexEvent, ScaleOption } from "./types";
import { prepareEvents, validateHalfLife, type PreparedEvent } from "./validate";

const YEAR_START = parseDay(`${SCALE_REFERENCE_YEAR}-01-01`, "reference start");
const YEAR_END = parseDay(`${SCALE_REFERENCE_YEAR}-12-31`, "reference end");

export const SCALED_REFERENCE = `${SCALE_TARGET} = highest ${SCALE_WINDOW_DAYS}-day trailing mean of the headline index in ${SCALE_REFERENCE_YEAR}`;

function unscaled(reason: string): EscalationScale {
  return { factor: 1, reference: `unscaled: ${reason}`, scaled: false };
}

/**
 * The 2022 = 100 factor (docs/escalation-index.md §5). Depends only on the
 * full event set and the half-life — never on a requested window or channel
 * selection — so narrowing a chart never rescales it.
 */
export function computeEscalationScale(events: readonly IndexEvent[], halfLifeDays: number): EscalationScale {
  return scaleFromPrepared(prepareEvents(events), validateHalfLife(halfLifeDays));
}

/** Peak 30-day trailing mean of the raw headline over windows ending in the reference year. */
export function referencePeak(events: readonly PreparedEvent<IndexEvent>[], halfLifeDays: number): number | null {
  if (!events.some((e) => e.day <= YEAR_END)) return null;
  // Start early enough that the first window (ending Jan 1) is complete.
  const start = YEAR_START - (SCALE_WINDOW_DAYS - 1);
  const raw = sumChannels(rawChannelSeries(events, start, YEAR_END, halfLifeDays));
  let peak = -Infinity;
  let windowSum = 0;
  for (let i = 0; i < raw.length; i++) {
    windowSum += raw[i];
    if (i >= SCALE_WINDOW_DAYS) windowSum -= raw[i - SCALE_WINDOW_DAYS];
    if (i >= SCALE_WINDOW_DAYS - 1) peak = Math.max(peak, windowSum / SCALE_WINDOW_DAYS);
  }
  return peak;
}

export function scaleFromPrepared(events: readonly PreparedEvent<IndexEvent>[], halfLifeDays: number): EscalationScale {
  const peak = referencePeak(events, halfLifeDays);
  if (peak === null) return unscaled(`no events on or before ${SCALE_REFERENCE_YEAR}-12-31`);
  // Tiny positive peaks (e.g. float residue) would produce absurd factors.
  if (!(peak > 1e-12)) return unscaled(`the ${SCALE_REFERENCE_YEAR} headline never rises above 0`);
  return { factor: SCALE_TARGET / peak, reference: SCALED_REFERENCE, scaled: true };
}

/** Resolve the caller's `scale` option into a concrete scale. */
export function resolveScale(option: ScaleOption | undefined, events: readonly PreparedEvent<IndexEvent>[], halfLifeDays: number): EscalationScale {
  if (option === false) return unscaled("scaling disabled by the caller");
  if (option === undefined || option === true) return scaleFromPrepared(events, halfLifeDays);
  if (!Number.isFinite(option.factor) || option.factor <= 0) {
    throw new RangeError(`scale.factor must be a positive finite number, got ${String(option.factor)}`);
  }
  return option;
}
