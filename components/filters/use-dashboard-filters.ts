"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { metaQuery } from "@/lib/query-keys";
import { parseFilters, serializeFilters, withDatasetDefaults, type DashboardFilters } from "@/lib/filters/filter-state";
import { filterSummaryLine } from "@/lib/filters/summary-line";

/**
 * The dashboard state lives in the URL: this hook reads it (validated against
 * the known donors and datasets) and writes it with router.push, so back and
 * forward step through views and a reload keeps them.
 */
export function useDashboardFilters() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const { data: meta } = useQuery(metaQuery());

  const ctx = useMemo(
    () => (meta ? { donorCodes: meta.donors.map((d) => d.code), datasetIds: meta.datasets.map((d) => d.id) } : undefined),
    [meta],
  );
  const { filters, problems } = useMemo(() => {
    const params = new URLSearchParams(searchParams.toString());
    const parsed = parseFilters(params, ctx);
    const ds = meta?.datasets.find((d) => d.id === (parsed.filters.dataset ?? meta.defaultDataset));
    return withDatasetDefaults(parsed, params, ds?.measures);
  }, [searchParams, ctx, meta]);

  const update = useCallback(
    (patch: Partial<DashboardFilters>) => {
      const qs = serializeFilters({ ...filters, ...patch });
      router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [filters, pathname, router],
  );
  const reset = useCallback(() => router.push(pathname, { scroll: false }), [pathname, router]);

  const dataset = meta?.datasets.find((d) => d.id === (filters.dataset ?? meta.defaultDataset));
  const donorNames = useMemo(() => Object.fromEntries((meta?.donors ?? []).map((d) => [d.code, d.name])), [meta]);
  const summary = filterSummaryLine(filters, { donorNames, coverage: dataset?.coverage });

  return { filters, problems, update, reset, meta, dataset, donorNames, summary };
}
export type DashboardFiltersState = ReturnType<typeof useDashboardFilters>;
