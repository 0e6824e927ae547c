import { aidTimeseriesApiQuery } from "@/lib/charts/split";
import { aidApiQuery, type DashboardFilters } from "@/lib/filters/filter-state";
import { previousPeriod } from "@/lib/filters/date-presets";
import { effectiveRange } from "@/lib/filters/effective-range";
import type { BriefWidget } from "./brief-params";

type Span = { from: string | null; to: string | null };
export interface BriefCoverage {
  aid: Span | undefined;
  events: Span;
  deployments: Span;
}

/**
 * Every API read a slide makes, as canonical query strings, so the server
 * prefetch and the browser ask with the same keys. The escalation index runs
 * over the whole range, as on the dashboard: after the last curated event it
 * only decays, and the slide's figures shade that span (components/escalation/coverage)
 * so it reads as "not yet recorded" rather than as calm.
 */
export interface BriefReads {
  range: { from: string; to: string } | null;
  summary: string | null;
  previousSummary: string | null;
  /** The comparison period of the KPI strip. */
  previous: { from: string; to: string } | null;
  /**
   * When the view has no earlier period to compare with (it starts where the
   * data starts), the strip compares the last 12 months with the 12 before.
   */
  recent: { from: string; to: string } | null;
  recentSummary: string | null;
  recentPreviousSummary: string | null;
  summaryEur: string | null;
  timeseries: string | null;
  monthly: string | null;
  escalation: string | null;
  /** The index's range: the whole range, when there are curated events at all. */
  escalationRange: { from: string; to: string } | null;
  /** The last day whose events count: the last curated event, or the range's end when that comes first. */
  eventsTo: string | null;
  events: string | null;
  deployments: string | null;
  deploymentsRange: { from: string; to: string } | null;
}

const qs = (o: Record<string, string | number | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) if (v !== undefined) p.set(k, String(v));
  p.sort();
  return p.toString();
};

export function briefReads(filters: DashboardFilters, widgets: BriefWidget[], coverage: BriefCoverage): BriefReads {
  const has = (w: BriefWidget) => widgets.includes(w);
  const range = effectiveRange(filters, coverage.aid);
  const previous = range ? previousPeriod(range.from, range.to) : null;
  const hasPrevious = !!(previous && coverage.aid?.from && previous.to >= coverage.aid.from);
  const recent = has("kpis") && range && !hasPrevious ? lastTwelveMonths(range) : null;
  const needsIndex = has("escalation") || has("aid-escalation");

  const lastEvent = coverage.events.to;
  const escalationRange = needsIndex && range && lastEvent ? range : null;
  const eventsTo = escalationRange && lastEvent ? (escalationRange.to < lastEvent ? escalationRange.to : lastEvent) : null;
  const deploymentsRange = has("deployments") && range ? range : null;

  return {
    range,
    summary: has("kpis") || has("aid-by-donor") ? aidApiQuery(filters) : null,
    previousSummary: has("kpis") && hasPrevious && previous ? aidApiQuery({ ...filters, ...previous }) : null,
    previous: hasPrevious ? previous : null,
    recent: recent?.last ?? null,
    recentSummary: recent ? aidApiQuery({ ...filters, ...recent.last }) : null,
    recentPreviousSummary: recent ? aidApiQuery({ ...filters, ...recent.before }) : null,
    summaryEur: has("aid-by-donor") && filters.gdp ? aidApiQuery({ ...filters, currency: "EUR" }) : null,
    timeseries: has("aid-over-time") ? aidTimeseriesApiQuery(filters, filters.granularity) : null,
    monthly: has("aid-escalation") ? aidTimeseriesApiQuery(filters, "month") : null,
    escalation: escalationRange ? qs(escalationRange) : null,
    escalationRange,
    eventsTo,
    // Every event up to the end contributes to the index shown (it decays, and 2022 sets its scale).
    events: eventsTo ? qs({ to: eventsTo, pageSize: 1000 }) : null,
    deployments: deploymentsRange ? qs({ ...deploymentsRange, pageSize: 1000 }) : null,
    deploymentsRange,
  };
}

const monthStart = (year: number, month: number) => {
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  return `${y}-${String(m + 1).padStart(2, "0")}-01`;
};

/** The 12 whole months ending with the range's last month, and the 12 before, when the range holds both. */
export function lastTwelveMonths(range: { from: string; to: string }) {
  const y = Number(range.to.slice(0, 4));
  const m = Number(range.to.slice(5, 7)) - 1;
  const lastFrom = monthStart(y, m - 11);
  const beforeFrom = monthStart(y, m - 23);
  if (beforeFrom < range.from) return null;
  const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { last: { from: lastFrom, to: range.to }, before: { from: beforeFrom, to: dayBefore(lastFrom) } };
}
