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
