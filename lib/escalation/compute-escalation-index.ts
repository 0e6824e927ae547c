import { CHANNELS, type Channel } from "../domain/taxonomy";
import { DEFAULT_HALF_LIFE_DAYS, MAX_RANGE_DAYS } from "./constants";
import { formatDay, parseDay } from "./dates";
import { resolveScale } from "./scale";
import { rawChannelSeries } from "./series";
import type { EscalationIndexResult, EscalationPoint, IndexEvent, IndexParams, ScaleOption } from "./types";
import { prepareEvents, validateChannels, validateHalfLife } from "./validate";

export type ComputeEscalationIndexInput<E extends IndexEvent> = Omit<IndexParams, "halfLifeDays"> & {
  /** The full curated event set — not pre-filtered to the window: earlier events still count, and the scale needs 2022. */
  events: readonly E[];
  /** Defaults to DEFAULT_HALF_LIFE_DAYS (30). */
  halfLifeDays?: number;
  /** See ScaleOption; default computes the 2022 = 100 factor. */
  scale?: ScaleOption;
};

/**
 * Daily escalation index from `from` to `to` inclusive (docs/escalation-index.md).
 * `value` sums the selected channels; `components` always lists all channels,
 * so a chart can show unselected sub-indices for context. Values are scaled,
 * not rounded.
 */
export function computeEscalationIndex<E extends IndexEvent>(input: ComputeEscalationIndexInput<E>): EscalationIndexResult {
  const fromDay = parseDay(input.from, "from");
  const toDay = parseDay(input.to, "to");
  if (fromDay > toDay) throw new RangeError(`from (${input.from}) must not be after to (${input.to})`);
  if (toDay - fromDay + 1 > MAX_RANGE_DAYS) {
    throw new RangeError(`the range from ${input.from} to ${input.to} exceeds ${MAX_RANGE_DAYS} days`);
  }
  const halfLifeDays = validateHalfLife(input.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS);
  const channels = validateChannels(input.channels);
  const events = prepareEvents(input.events);
  const scale = resolveScale(input.scale, events, halfLifeDays);

  const raw = rawChannelSeries(events, fromDay, toDay, halfLifeDays);
  const points: EscalationPoint[] = [];
  for (let i = 0; i <= toDay - fromDay; i++) {
    const components = {} as Record<Channel, number>;
    for (const c of CHANNELS) components[c] = raw[c][i] * scale.factor;
    let value = 0;
    for (const c of channels) value += components[c];
    points.push({ date: formatDay(fromDay + i), value, components });
  }

  return { params: { from: input.from, to: input.to, halfLifeDays, channels }, scale, points };
}
