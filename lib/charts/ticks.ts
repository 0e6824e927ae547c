import { scaleLinear } from "d3-scale";

/**
 * Round value-axis ticks from 0 up to at least `max`, about `count` of them
 * (d3's 1, 2, 5 × 10ⁿ steps). Explicit ticks keep a negative dip from pulling
 * the axis to an odd "−60" at the bottom.
 */
export function valueTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0];
  return scaleLinear().domain([0, max]).nice(count).ticks(count);
}
