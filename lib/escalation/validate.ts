import { CHANNEL_OF_TYPE, CHANNELS, CONFIDENCES, EVENT_TYPES, SEVERITY_MAX, SEVERITY_MIN, type Channel } from "../domain/taxonomy";
import { CONFIDENCE_WEIGHTS, MAX_HALF_LIFE_DAYS, MIN_HALF_LIFE_DAYS } from "./constants";
import { parseDay } from "./dates";
import type { IndexEvent } from "./types";

/**
 * The engine validates its own inputs even though the HTTP layer uses zod:
 * it is also called from scripts and tests, and a silently wrong index is
 * worse than a loud error.
 */

export function validateHalfLife(halfLifeDays: unknown): number {
  if (typeof halfLifeDays !== "number" || !Number.isFinite(halfLifeDays) || halfLifeDays < MIN_HALF_LIFE_DAYS || halfLifeDays > MAX_HALF_LIFE_DAYS) {
    throw new RangeError(`halfLifeDays must be a number from ${MIN_HALF_LIFE_DAYS} to ${MAX_HALF_LIFE_DAYS}, got ${String(halfLifeDays)}`);
  }
  return halfLifeDays;
}

/** Omitted = all channels; duplicates are dropped and order follows CHANNELS. */
export function validateChannels(channels: readonly unknown[] | undefined): Channel[] {
  if (channels === undefined) return [...CHANNELS];
  if (channels.length === 0) throw new RangeError("channels must not be empty (omit it to select all channels)");
  for (const c of channels) {
    if (!(CHANNELS as readonly unknown[]).includes(c)) {
      throw new RangeError(`unknown channel ${JSON.stringify(c)}; expected one of ${CHANNELS.join(", ")}`);
    }
  }
  return CHANNELS.filter((c) => channels.includes(c));
}

/** An event reduced to what the arithmetic needs. */
export type PreparedEvent<E extends IndexEvent> = {
  event: E;
  day: number;
  channel: Channel;
  confidenceWeight: number;
  /** severity × confidence weight: the raw contribution at age 0. */
  impulse: number;
};

export function prepareEvents<E extends IndexEvent>(events: readonly E[]): PreparedEvent<E>[] {
  return events.map((event) => {
    const where = `event ${JSON.stringify(event.id)}`;
    const day = parseDay(event.date, `${where}: date`);
    if (!(EVENT_TYPES as readonly unknown[]).includes(event.type)) {
      throw new RangeError(`${where}: unknown type ${JSON.stringify(event.type)}`);
    }
    if (!(CONFIDENCES as readonly unknown[]).includes(event.confidence)) {
      throw new RangeError(`${where}: unknown confidence ${JSON.stringify(event.confidence)}`);
    }
    const s = event.severity;
    if (typeof s !== "number" || !Number.isFinite(s) || s < SEVERITY_MIN || s > SEVERITY_MAX) {
      throw new RangeError(`${where}: severity must be from ${SEVERITY_MIN} to ${SEVERITY_MAX}, got ${String(s)}`);
    }
    // Sign rules keep de_escalation ≤ 0 and every other channel ≥ 0 (docs §2).
    if (event.type === "de_escalation" ? s > 0 : s < 0) {
      throw new RangeError(`${where}: severity ${s} has the wrong sign for type ${event.type} (de_escalation must be ≤ 0, other types ≥ 0)`);
    }
    const confidenceWeight = CONFIDENCE_WEIGHTS[event.confidence];
    return { event, day, channel: CHANNEL_OF_TYPE[event.type], confidenceWeight, impulse: s * confidenceWeight };
  });
}
