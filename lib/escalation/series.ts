import { CHANNELS, type Channel } from "../domain/taxonomy";
import type { IndexEvent } from "./types";
import type { PreparedEvent } from "./validate";

export type RawSeries = Record<Channel, Float64Array>;

/**
 * Re-anchor the recursion with an exact sum every this many days, so rounding
 * drift stays ~1e-14 relative however long the range is (explanations, which
 * use the exact sum, must agree with the series to 1e-9).
 */
const ANCHOR_EVERY_DAYS = 256;

/** 0.5^(age / halfLife): the share of an event's impulse left after `ageDays`. */
export function decayFactor(ageDays: number, halfLifeDays: number): number {
  return Math.pow(0.5, ageDays / halfLifeDays);
}

/** Exact raw value of every channel on `day`: sum over all events dated ≤ day. */
function exactOnDay<E extends IndexEvent>(events: readonly PreparedEvent<E>[], day: number, halfLifeDays: number): Record<Channel, number> {
  const out = Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
  for (const e of events) {
    if (e.day <= day) out[e.channel] += e.impulse * decayFactor(day - e.day, halfLifeDays);
  }
  return out;
}

/**
 * Raw (unscaled) value of every channel for each day startDay..endDay.
 *
 * Between anchors it uses value(d) = value(d−1)·k + impulses(d) with
 * k = 0.5^(1/halfLife), making the cost O(days + events × anchors) instead of
 * O(days × events). Anchors are exact sums over *all* earlier events, which is
 * how events before the window still count.
 */
export function rawChannelSeries<E extends IndexEvent>(events: readonly PreparedEvent<E>[], startDay: number, endDay: number, halfLifeDays: number): RawSeries {
  const length = Math.max(0, endDay - startDay + 1);
  const series = Object.fromEntries(CHANNELS.map((c) => [c, new Float64Array(length)])) as RawSeries;

  const impulsesByOffset = new Map<number, PreparedEvent<E>[]>();
  for (const e of events) {
    const offset = e.day - startDay;
    if (offset <= 0 || offset >= length) continue; // before start: handled by anchors
    const list = impulsesByOffset.get(offset);
    if (list) list.push(e);
    else impulsesByOffset.set(offset, [e]);
  }

  const k = decayFactor(1, halfLifeDays);
  let current = exactOnDay(events, startDay, halfLifeDays);
  for (let i = 0; i < length; i++) {
    if (i > 0 && i % ANCHOR_EVERY_DAYS === 0) {
      current = exactOnDay(events, startDay + i, halfLifeDays);
    } else if (i > 0) {
      for (const c of CHANNELS) current[c] *= k;
      for (const e of impulsesByOffset.get(i) ?? []) current[e.channel] += e.impulse;
    }
    for (const c of CHANNELS) series[c][i] = current[c];
  }
  return series;
}

/** Sum of the given channels per day. */
export function sumChannels(series: RawSeries, channels: readonly Channel[] = CHANNELS): Float64Array {
  const out = new Float64Array(series[CHANNELS[0]].length);
  for (const c of channels) for (let i = 0; i < out.length; i++) out[i] += series[c][i];
  return out;
}
