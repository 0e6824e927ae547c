/**
 * Time axes for daily data: numeric UTC timestamps, month-aligned ticks that
 * fit the width, and lanes that keep nearby markers from covering each other.
 */

const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 36];
const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "YYYY-MM-DD" ⇄ ms since the epoch at UTC midnight, and day arithmetic: the project's one ISO-date rule. */
import { addIsoDays, formatIsoDay, isoDaysBetween, isoDayTime } from "@/lib/dates/iso-day";

export const dayTime = isoDayTime;
export const isoOfTime = (t: number): string => formatIsoDay(t);
export const daysBetween = isoDaysBetween;
export const addDaysIso = addIsoDays;

/** Room a tick label needs: "2024" is narrower than "Jan 2024". */
const labelWidth = (step: number) => (step >= 12 ? 48 : 78);

/** The smallest month step whose ticks fit `plotWidth` pixels. */
function monthStep(monthCount: number, plotWidth: number): number {
  return MONTH_STEPS.find((s) => Math.ceil(monthCount / s) * labelWidth(s) <= plotWidth) ?? MONTH_STEPS[MONTH_STEPS.length - 1];
}

/** Whether a month (year, 0-based month) starts a tick at this step; yearly and longer steps start in January. */
const onStep = (y: number, m: number, step: number) => (step >= 12 ? m === 0 && y % (step / 12) === 0 : (y * 12 + m) % step === 0);
const monthLabel = (y: number, m: number, step: number) => (step >= 12 ? String(y) : `${SHORT_MONTHS[m]} ${y}`);

/** First-of-month ticks inside [from, to] for a numeric time axis, as many as fit the plot's width. */
export function monthTicks(from: string, to: string, plotWidth: number): { ticks: number[]; format: (t: number) => string } {
  const start = new Date(dayTime(from));
  const end = dayTime(to);
  const months: Date[] = [];
  for (let y = start.getUTCFullYear(), m = start.getUTCMonth() + (start.getUTCDate() === 1 ? 0 : 1); ; m++) {
    const d = new Date(Date.UTC(y, m, 1));
    if (d.getTime() > end) break;
    months.push(d);
  }
  const step = monthStep(months.length, plotWidth);
  const picked = months.filter((d) => onStep(d.getUTCFullYear(), d.getUTCMonth(), step));
  const format = (t: number) => monthLabel(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth(), step);
  return { ticks: picked.map((d) => d.getTime()), format };
}

/** The same choice for a category axis of "YYYY-MM" periods. */
export function periodTicks(periods: readonly string[], plotWidth: number): { ticks: string[]; format: (p: string) => string } {
  const step = monthStep(periods.length, plotWidth);
  const parts = (p: string) => [Number(p.slice(0, 4)), Number(p.slice(5, 7)) - 1] as const;
  return {
    ticks: periods.filter((p) => onStep(...parts(p), step)),
    format: (p: string) => monthLabel(...parts(p), step),
  };
}

/**
 * A lane (row) for each position so that markers closer than `minGap` never
 * share a lane; positions keep their input order. Beyond `maxLanes` a marker
 * joins the lane whose last marker is furthest behind (overlap is then unavoidable).
 */
export function assignLanes(positions: readonly number[], minGap: number, maxLanes = Infinity): number[] {
  const order = positions.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x || a.i - b.i);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(positions.length);
  for (const { x, i } of order) {
    let lane = laneEnds.findIndex((end) => x - end >= minGap);
    if (lane === -1) {
      if (laneEnds.length < maxLanes) lane = laneEnds.length;
      else lane = laneEnds.indexOf(Math.min(...laneEnds));
    }
    laneEnds[lane] = x;
    lanes[i] = lane;
  }
  return lanes;
}
