import type { DeploymentDto } from "@/lib/deployments/queries";
import { dayTime } from "@/components/escalation/time-axis";

/**
 * Force types counted as the combat deployment. Engineers and workers are
 * separate contingents announced on their own; adding them to the same band
 * would read as growth of one force.
 */
export const COMBAT_FORCE_TYPES = ["troops", "special_forces", "officers"];

export type PersonnelRow = {
  t: number;
  date: string;
  id: string;
  forceType: string;
  status: DeploymentDto["status"];
  publishers: string[];
  /** Both bounds known: a slice of the band. */
  range: [number, number] | null;
  lowOnly: number | null;
  highOnly: number | null;
  low: number | null;
  high: number | null;
};

/** One row per report with a personnel figure, for one deploying country, in date order. */
export function personnelRows(items: readonly DeploymentDto[], country: string, forceTypes: readonly string[] = COMBAT_FORCE_TYPES): PersonnelRow[] {
  return items
    .filter((d) => d.deployingCountry === country && forceTypes.includes(d.forceType) && (d.personnelLow !== null || d.personnelHigh !== null))
    .map((d) => {
      const low = d.personnelLow;
      const high = d.personnelHigh;
      return {
        t: dayTime(d.date),
        date: d.date,
        id: d.id,
        forceType: d.forceType,
        status: d.status,
        publishers: [...new Set(d.sources.map((s) => s.publisher))],
        range: low !== null && high !== null ? ([low, high] as [number, number]) : null,
        lowOnly: low !== null && high === null ? low : null,
        highOnly: high !== null && low === null ? high : null,
        low,
        high,
      };
    })
    .sort((a, b) => a.t - b.t || (a.id < b.id ? -1 : 1));
}

/** Deploying countries by number of reports with figures, most first: the chart opens on the best-documented one. */
export function countriesWithFigures(items: readonly DeploymentDto[]): string[] {
  const n = new Map<string, number>();
  for (const d of items) if (d.personnelLow !== null || d.personnelHigh !== null) n.set(d.deployingCountry, (n.get(d.deployingCountry) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
}
