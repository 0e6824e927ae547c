import { scaleLinear } from "d3-scale";

/**
 * Round axis ticks from zero to at least `max`, by d3-scale's `nice` and
 * `ticks` (steps of 1, 2 or 5 × 10^k), so money axes read "€20 bn, €40 bn"
 * rather than "€22 bn, €44 bn".
 */
export function niceTicks(max: number, target = 5): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0];
  return scaleLinear().domain([0, max]).nice(target).ticks(target);
}
