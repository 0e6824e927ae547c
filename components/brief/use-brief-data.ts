"use client";

import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { DashboardFilters } from "@/lib/filters/filter-state";
import type { BriefWidget } from "@/lib/export/brief-params";
import { briefReads, type BriefCoverage } from "@/lib/export/brief-queries";
import { aidSummaryQuery, aidTimeseriesQuery, deploymentsQuery, escalationQuery, eventsQuery } from "@/lib/query-keys";

/**
 * The slide's reads, under the same keys as the server prefetch (and as the
 * dashboard's widgets where they overlap). Reads a widget does not need stay off.
 */
export function useBriefData(filters: DashboardFilters, widgets: BriefWidget[], coverage: BriefCoverage | null) {
  const reads = coverage ? briefReads(filters, widgets, coverage) : null;
  const on = (qs: string | null | undefined): qs is string => !!qs;
  const summary = useQuery({ ...aidSummaryQuery(reads?.summary ?? ""), enabled: on(reads?.summary) });
  const previousSummary = useQuery({ ...aidSummaryQuery(reads?.previousSummary ?? ""), enabled: on(reads?.previousSummary) });
  const recentSummary = useQuery({ ...aidSummaryQuery(reads?.recentSummary ?? ""), enabled: on(reads?.recentSummary) });
  const recentPreviousSummary = useQuery({ ...aidSummaryQuery(reads?.recentPreviousSummary ?? ""), enabled: on(reads?.recentPreviousSummary) });
  const summaryEur = useQuery({ ...aidSummaryQuery(reads?.summaryEur ?? ""), enabled: on(reads?.summaryEur) });
  const timeseries = useQuery({ ...aidTimeseriesQuery(reads?.timeseries ?? ""), enabled: on(reads?.timeseries) });
  const monthly = useQuery({ ...aidTimeseriesQuery(reads?.monthly ?? ""), enabled: on(reads?.monthly) });
  const escalation = useQuery({ ...escalationQuery(reads?.escalation ?? ""), enabled: on(reads?.escalation) });
  const events = useQuery({ ...eventsQuery(reads?.events ?? ""), enabled: on(reads?.events) });
  const deployments = useQuery({ ...deploymentsQuery(reads?.deployments ?? ""), enabled: on(reads?.deployments) });

  const queries = { summary, previousSummary, recentSummary, recentPreviousSummary, summaryEur, timeseries, monthly, escalation, events, deployments };
  const used = Object.entries(queries).filter(([k]) => on(reads?.[k as keyof typeof queries] as string | null)) as [string, UseQueryResult][];
  const error = used.map(([, q]) => q.error).find(Boolean) ?? null;
  const ready = !!reads && used.every(([, q]) => q.isSuccess);
  return { reads, ...queries, ready, error };
}
export type BriefData = ReturnType<typeof useBriefData>;
