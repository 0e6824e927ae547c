"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { aidApiQuery, type DashboardFilters } from "@/lib/filters/filter-state";
import { aidTimeseriesApiQuery } from "@/lib/charts/split";
import { aidRecordsQuery, aidSummaryQuery, aidTimeseriesQuery } from "@/lib/query-keys";

/** The widgets' reads: same filters → same keys as the server prefetch. Previous data stays on screen while refetching. */
export function useAidSummary(f: DashboardFilters, override: Partial<DashboardFilters> = {}, enabled = true) {
  return useQuery({ ...aidSummaryQuery(aidApiQuery({ ...f, ...override })), placeholderData: keepPreviousData, enabled });
}

export function useAidTimeseries(f: DashboardFilters) {
  return useQuery({ ...aidTimeseriesQuery(aidTimeseriesApiQuery(f, f.granularity)), placeholderData: keepPreviousData });
}

export function useAidRecords(f: DashboardFilters, page: number, pageSize: number, sort: string) {
  return useQuery({
    ...aidRecordsQuery(aidApiQuery(f, { page, pageSize, sort })),
    placeholderData: keepPreviousData,
  });
}
