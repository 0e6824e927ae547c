export { monthlyMeans } from "@/lib/escalation/monthly-means";

/**
 * Every `step`-th point plus the last, so a long daily line stays light in an
 * SVG without losing its end; `keep` names points that must stay too (e.g. the
 * day where a solid line turns dashed, so the two still meet).
 */
export function thin<T>(points: T[], step: number, keep?: (p: T) => boolean): T[] {
  if (step <= 1 || points.length <= 2) return points;
  return points.filter((p, i) => i % step === 0 || i === points.length - 1 || !!keep?.(p));
}

/** The day "YYYY-MM-DD" as a UTC timestamp, for numeric time axes. */
export const dayTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/**
 * Round axis ticks from 0 up to at least `max` (1, 2, 2.5 or 5 × 10ⁿ steps),
 * about `count` of them: explicit ticks keep a negative dip from pulling the
 * axis to an odd "−60" at the bottom.
 */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let t = 0; t < max + step * 0.999; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  return ticks;
}
