"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { useDashboardFilters, type DashboardFiltersState } from "@/components/filters/use-dashboard-filters";
import { aidTimeseriesApiQuery } from "@/lib/charts/split";
import { serializeFilters } from "@/lib/filters/filter-state";
import { aidTimeseriesQuery, escalationQuery } from "@/lib/query-keys";
import { escalationApiQuery, parseEscalationParams, VIEW_KEYS, withViewParams, type EscalationViewParams } from "./escalation-params";

/**
 * The escalation page's state, all in the URL: the dashboard's filters (aid
 * bars and the shared date range) plus this view's half-life and sub-indices.
 * The dashboard's own `update` rewrites the whole query string, so the filter
 * bar gets a variant that carries this view's keys across.
 */
export function useEscalationView() {
  const dash = useDashboardFilters();
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();

  const { params, problems } = useMemo(() => parseEscalationParams(new URLSearchParams(searchParams.toString())), [searchParams]);

  const go = useCallback(
    (qs: string, mode: "push" | "replace") => router[mode](qs ? `${pathname}?${qs}` : pathname, { scroll: false }),
    [pathname, router],
  );

  /**
   * Half-life moves replace the entry (a drag is one step back); sub-index
   * toggles push one. The browser history API (which Next's router follows)
   * changes only the URL: the page's server render would recompute the aid
   * bars too, while only the index needs a new request, made here by React Query.
   */
  const setView = useCallback(
    (patch: Partial<EscalationViewParams>, mode: "push" | "replace" = "push") => {
      const qs = withViewParams(new URLSearchParams(searchParams.toString()), patch);
      const url = qs ? `${pathname}?${qs}` : pathname;
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [pathname, searchParams],
  );

  const filterState: DashboardFiltersState = useMemo(
    () => ({
      ...dash,
      update: (patch) => {
        const next = new URLSearchParams(serializeFilters({ ...dash.filters, ...patch }));
        for (const key of VIEW_KEYS) {
          const v = searchParams.get(key);
          if (v) next.set(key, v);
        }
        go(next.toString(), "push");
      },
    }),
    [dash, go, searchParams],
  );

  const { from, to } = dash.filters;
  const seriesQs = escalationApiQuery({ from, to, ...params });
  const series = useQuery({ ...escalationQuery(seriesQs), placeholderData: keepPreviousData });
  const aid = useQuery({ ...aidTimeseriesQuery(aidTimeseriesApiQuery(dash.filters, "month")), placeholderData: keepPreviousData });

  return { dash, filterState, params, problems: [...dash.problems, ...problems], setView, series, aid };
}
export type EscalationViewState = ReturnType<typeof useEscalationView>;
