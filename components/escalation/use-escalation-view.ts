"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import { useDashboardFilters } from "@/components/filters/use-dashboard-filters";
import { aidTimeseriesApiQuery } from "@/lib/charts/split";
import { aidTimeseriesQuery, escalationQuery } from "@/lib/query-keys";
import { escalationApiQuery, escalationParams, normaliseChannels, parseEscalationParams, type EscalationViewParams } from "./escalation-params";

const PAGE_GROUPS = [escalationParams];

/**
 * The escalation page's state, all in the URL: the dashboard's filters (aid
 * bars and the shared date range) plus this view's half-life and sub-indices.
 * Each writer touches only its own keys (nuqs keeps the rest), so neither
 * needs a list of the other's.
 */
export function useEscalationView() {
  const dash = useDashboardFilters(PAGE_GROUPS);
  const searchParams = useSearchParams();
  const { params, problems } = useMemo(() => parseEscalationParams(new URLSearchParams(searchParams.toString())), [searchParams]);

  /**
   * Half-life moves replace the entry (a drag is one step back); sub-index
   * toggles push one. Shallow: only the URL changes (the page's server render
   * would recompute the aid bars too), while only the index needs a new
   * request, made here by React Query.
   */
  const [, setUrl] = useQueryStates(escalationParams.parsers, { scroll: false, shallow: true });
  const setView = useCallback(
    (patch: Partial<EscalationViewParams>, mode: "push" | "replace" = "push") => {
      void setUrl({ halfLife: patch.halfLife, subindex: patch.subindex === undefined ? undefined : normaliseChannels(patch.subindex) }, { history: mode });
    },
    [setUrl],
  );

  const { from, to } = dash.filters;
  const seriesQs = escalationApiQuery({ from, to, ...params });
  const series = useQuery({ ...escalationQuery(seriesQs), placeholderData: keepPreviousData });
  const aid = useQuery({ ...aidTimeseriesQuery(aidTimeseriesApiQuery(dash.filters, "month")), placeholderData: keepPreviousData });

  return { dash, filterState: dash, params, problems: [...dash.problems, ...problems], setView, series, aid };
}
export type EscalationViewState = ReturnType<typeof useEscalationView>;
