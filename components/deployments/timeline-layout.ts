import type { DeploymentDto } from "@/lib/deployments/queries";
import { addDaysIso, assignLanes, dayTime } from "@/components/escalation/time-axis";
import { todayIso } from "@/lib/dates/iso-day";

export const ROW_LABEL = 20;
export const LANE = 18;
export const ROW_GAP = 8;
const MIN_GAP_PX = 15;

export interface TimelineRow {
  country: string;
  hosts: string[];
  top: number;
  height: number;
  items: { item: DeploymentDto; lane: number }[];
}

/**
 * Rows per deploying country (in order of first report) with a label line on
 * top, and within each row as many lanes as needed so that no two dots
 * closer than MIN_GAP_PX overlap.
 */
export function timelineRows(items: readonly DeploymentDto[], domain: [number, number], plotWidth: number): TimelineRow[] {
  const byCountry = new Map<string, DeploymentDto[]>();
  for (const d of [...items].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    byCountry.set(d.deployingCountry, [...(byCountry.get(d.deployingCountry) ?? []), d]);
  }
  const pxPerMs = plotWidth / Math.max(1, domain[1] - domain[0]);
  let top = 0;
  const rows: TimelineRow[] = [];
  for (const [country, list] of byCountry) {
    const lanes = assignLanes(
      list.map((d) => (dayTime(d.date) - domain[0]) * pxPerMs),
      MIN_GAP_PX,
    );
    const height = ROW_LABEL + (Math.max(0, ...lanes) + 1) * LANE + ROW_GAP;
    rows.push({ country, hosts: [...new Set(list.map((d) => d.hostCountry))], top, height, items: list.map((item, i) => ({ item, lane: lanes[i] })) });
    top += height;
  }
  return rows;
}

/** The requested range, else the data's span widened by a month each side so edge dots are not cut. */
export function timelineDomain(items: readonly DeploymentDto[], from: string | null, to: string | null): { from: string; to: string } {
  const dates = items.map((d) => d.date).sort();
  const first = dates[0] ?? todayIso();
  const last = dates[dates.length - 1] ?? first;
  return { from: from ?? addDaysIso(first, -30), to: to ?? addDaysIso(last, 30) };
}
