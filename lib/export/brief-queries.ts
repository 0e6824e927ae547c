import { aidTimeseriesApiQuery } from "@/lib/charts/split";
import { aidApiQuery, type DashboardFilters } from "@/lib/filters/filter-state";
import { effectiveRange } from "@/lib/filters/effective-range";
import { changePlan, lastTwelveMonths } from "@/lib/kpi/change";
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
  /** The KPI strip's comparison period (lib/kpi/change: the dashboard's tile uses the same plan). */
  previousSummary: string | null;
  previous: { from: string; to: string } | null;
  /**
   * The period the change KPI measures when it is not the view itself (the
   * last 12 months, for a view that starts where the data starts).
   */
  recent: { from: string; to: string } | null;
  recentSummary: string | null;
  /** Always null: the comparison period is `previousSummary` whatever the basis (kept for the slide's props). */
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
  const plan = has("kpis") ? changePlan(filters, coverage.aid) : null;
  const recent = plan && !plan.currentIsView ? plan.current : null;
  const needsIndex = has("escalation") || has("aid-escalation");

  const lastEvent = coverage.events.to;
  const escalationRange = needsIndex && range && lastEvent ? range : null;
  const eventsTo = escalationRange && lastEvent ? (escalationRange.to < lastEvent ? escalationRange.to : lastEvent) : null;
  const deploymentsRange = has("deployments") && range ? range : null;

  return {
    range,
    summary: has("kpis") || has("aid-by-donor") ? aidApiQuery(filters) : null,
    previousSummary: plan ? aidApiQuery({ ...filters, ...plan.previous }) : null,
    previous: plan?.previous ?? null,
    recent,
    recentSummary: recent ? aidApiQuery({ ...filters, ...recent }) : null,
    recentPreviousSummary: null,
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

/** Moved to lib/kpi/change (one rule for the tile and the strip); re-exported for existing callers. */
export { lastTwelveMonths };
