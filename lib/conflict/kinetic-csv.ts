import { dailyValues, halfLifeMean, KINETIC_LABELS, type DaySums, type KineticMeasure, type KineticSeries } from "./kinetic";

/**
 * The kinetic panel's CSV export: provenance first (dataset, citation,
 * licence, the fatalities caveat, imprecise dates), then one row per day with
 * each series' daily value and its half-life mean, then the before/after line.
 */
export function kineticCsv(o: {
  days: readonly DaySums[];
  from: string;
  to: string;
  series: KineticSeries[];
  measure: KineticMeasure;
  halfLifeDays: number;
  dataset: { name: string; citation: string; licence: string; fileName: string };
  caveat: string;
  impreciseEvents: number;
  beforeAfter?: string | null;
}): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const cols = o.series.map((s) => dailyValues(o.days, o.from, o.to, s, o.measure));
  const smooth = cols.map((c) =>
    halfLifeMean(
      c.map((d) => d.value),
      o.halfLifeDays,
    ),
  );
  const meta = [
    `# Data: ${o.dataset.name} (file ${o.dataset.fileName})`,
    `# Citation: ${o.dataset.citation}`,
    `# Licence: ${o.dataset.licence}`,
    `# ${o.caveat}`,
    `# Events with imprecise dates in the range: ${o.impreciseEvents}`,
    `# ${o.measure} per day; mean = half-life mean, ${o.halfLifeDays} days`,
    ...(o.beforeAfter ? [`# Before and after: ${o.beforeAfter}`] : []),
  ];
  const header = ["date", ...o.series.flatMap((s) => [`${KINETIC_LABELS[s]} (${o.measure})`, `${KINETIC_LABELS[s]} (mean)`])];
  const rows = (cols[0] ?? []).map((d, i) => [d.date, ...cols.flatMap((c, k) => [String(c[i].value), smooth[k][i].toFixed(3)])]);
  return [...meta.map(quote), header.map(quote).join(","), ...rows.map((r) => r.join(","))].join("\n") + "\n";
}
