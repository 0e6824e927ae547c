/**
 * The kinetic channel's arithmetic, pure: daily sums from the API made into a
 * gap-free series, smoothed with the escalation index's half-life, and the
 * "before and after" comparison around a curated event.
 */

export const KINETIC_SERIES = ["all", "strikes", "battles", "crossBorder"] as const;
export type KineticSeries = (typeof KINETIC_SERIES)[number];
export const KINETIC_LABELS: Record<KineticSeries, string> = {
  all: "All events",
  strikes: "Strikes",
  battles: "Battles",
  crossBorder: "Cross-border into Russia",
};
export type KineticMeasure = "events" | "fatalities";

export interface DaySums {
  date: string;
  events: number;
  fatalities: number;
  strikeEvents: number;
  strikeFatalities: number;
  battleEvents: number;
  battleFatalities: number;
  crossBorderEvents: number;
  crossBorderFatalities: number;
}

/** The API's columnar days (GET /api/conflict/daily `days`) back as one object per day. */
export function dayRows(d: { date: string[] } & { [K in Exclude<keyof DaySums, "date">]: number[] }): DaySums[] {
  return d.date.map((date, i) => ({
    date,
    events: d.events[i],
    fatalities: d.fatalities[i],
    strikeEvents: d.strikeEvents[i],
    strikeFatalities: d.strikeFatalities[i],
    battleEvents: d.battleEvents[i],
    battleFatalities: d.battleFatalities[i],
    crossBorderEvents: d.crossBorderEvents[i],
    crossBorderFatalities: d.crossBorderFatalities[i],
  }));
}

const DAY_MS = 86_400_000;
const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (d: string, n: number) => iso(t(d) + n * DAY_MS);

/** The value of one series and measure on one day. */
export function pick(d: DaySums, series: KineticSeries, measure: KineticMeasure): number {
  const f = measure === "events";
  switch (series) {
    case "all":
      return f ? d.events : d.fatalities;
    case "strikes":
      return f ? d.strikeEvents : d.strikeFatalities;
    case "battles":
      return f ? d.battleEvents : d.battleFatalities;
    case "crossBorder":
      return f ? d.crossBorderEvents : d.crossBorderFatalities;
  }
}

/** One value per day from `from` to `to` (inclusive); days without events are 0. */
export function dailyValues(
  days: readonly DaySums[],
  from: string,
  to: string,
  series: KineticSeries,
  measure: KineticMeasure,
): { date: string; value: number }[] {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const out: { date: string; value: number }[] = [];
  for (let ms = t(from); ms <= t(to); ms += DAY_MS) {
    const date = iso(ms);
    const d = byDate.get(date);
    out.push({ date, value: d ? pick(d, series, measure) : 0 });
  }
  return out;
}

/**
 * Exponentially weighted daily mean with a half-life in days, the index's
 * smoothing control: a day `h` days ago weighs half as much as today. The
 * weights are normalised over the days seen so far, so the first days are
 * plain means of what precedes them (no ramp-up from zero) and a constant
 * series stays constant.
 */
export function halfLifeMean(values: readonly number[], halfLifeDays: number): number[] {
  if (!(halfLifeDays > 0)) throw new RangeError("halfLifeDays must be positive");
  const keep = Math.pow(0.5, 1 / halfLifeDays);
  const out: number[] = [];
  let sum = 0;
  let weight = 0;
  for (const v of values) {
    sum = sum * keep + v;
    weight = weight * keep + 1;
    out.push(sum / weight);
  }
  return out;
}

export interface WindowStats {
  from: string;
  to: string;
  days: number;
  mean: number;
  sd: number;
}
export interface BeforeAfter {
  eventDate: string;
  windowDays: number;
  before: WindowStats;
  after: WindowStats;
  /** after.mean − before.mean, per day. */
  difference: number;
  /** ± half-width of an approximate 95% interval of the difference (Welch; days treated as independent). */
  margin: number;
  /** Days of either window outside the data's range (counted as no data, not as zero). */
  missingDays: number;
  /** "larger" / "smaller" when the interval excludes 0, else "unclear". */
  verdict: "larger" | "smaller" | "unclear";
}

function stats(values: number[], from: string, to: string): WindowStats {
  const n = values.length;
  const mean = n ? values.reduce((a, b) => a + b, 0) / n : 0;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)) : 0;
  return { from, to, days: n, mean, sd };
}

/**
 * Daily mean in the `n` days before the event (D−n … D−1) against the `n`
 * days after it (D+1 … D+n); the event's own day is in neither. Only days
 * inside the data's range [dataFrom, dataTo] count.
 */
export function beforeAfter(
  days: readonly DaySums[],
  o: { eventDate: string; windowDays: number; dataFrom: string; dataTo: string; series: KineticSeries; measure: KineticMeasure },
): BeforeAfter {
  const n = Math.max(1, Math.floor(o.windowDays));
  const byDate = new Map(days.map((d) => [d.date, d]));
  const take = (start: string, end: string) => {
    const vals: number[] = [];
    for (let ms = t(start); ms <= t(end); ms += DAY_MS) {
      const date = iso(ms);
      if (date < o.dataFrom || date > o.dataTo) continue;
      const d = byDate.get(date);
      vals.push(d ? pick(d, o.series, o.measure) : 0);
    }
    return vals;
  };
  const bFrom = addDays(o.eventDate, -n);
  const bTo = addDays(o.eventDate, -1);
  const aFrom = addDays(o.eventDate, 1);
  const aTo = addDays(o.eventDate, n);
  const b = take(bFrom, bTo);
  const a = take(aFrom, aTo);
  const before = stats(b, bFrom, bTo);
  const after = stats(a, aFrom, aTo);
  const difference = after.mean - before.mean;
  const se = Math.sqrt((before.days ? before.sd ** 2 / before.days : 0) + (after.days ? after.sd ** 2 / after.days : 0));
  const margin = 1.96 * se;
  const verdict = !before.days || !after.days || Math.abs(difference) <= margin ? "unclear" : difference > 0 ? "larger" : "smaller";
  return { eventDate: o.eventDate, windowDays: n, before, after, difference, margin, missingDays: 2 * n - b.length - a.length, verdict };
}

/** The comparison in one plain sentence, with its uncertainty (used by the panel, its CSV and the slide). */
export function describeBeforeAfter(r: BeforeAfter, label: string): string {
  const f = (x: number) => x.toLocaleString("en-GB", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  if (!r.before.days || !r.after.days) return `Not enough data around ${r.eventDate}: the imported data do not cover both windows.`;
  const sign = r.difference >= 0 ? "+" : "−";
  const core = `${label}: ${f(r.before.mean)} a day in the ${r.before.days} days before, ${f(r.after.mean)} in the ${r.after.days} days after (${sign}${f(Math.abs(r.difference))} a day, ±${f(r.margin)} at about 95%).`;
  const verdict =
    r.verdict === "unclear"
      ? " The difference is within the day-to-day noise: no change can be read from it."
      : ` The ${r.verdict === "larger" ? "rise" : "fall"} is larger than the day-to-day noise, but this compares two windows; it does not show that the event caused it, and counts from consecutive days are correlated, so the interval is if anything too narrow.`;
  const missing = r.missingDays ? ` ${r.missingDays} day${r.missingDays === 1 ? "" : "s"} of the windows lie outside the imported data.` : "";
  return core + verdict + missing;
}
