"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import { metaQuery } from "@/lib/query-keys";
import { dashboardParams, parseFilters, withDatasetDefaults, type DashboardFilters } from "@/lib/filters/filter-state";
import type { SomeGroup } from "@/lib/url-state/params";
import { filterSummaryLine } from "@/lib/filters/summary-line";

/**
 * The dashboard state lives in the URL: this hook reads it (validated against
 * the known donors and datasets) and writes it through nuqs as a history push
 * with a server round trip (the page's prefetch follows), so back and forward
 * step through views and a reload keeps them. Only the dashboard's keys are
 * written: a page's own keys (the escalation page's half-life) stay as they are.
 *
 * `pageGroups`: the page's own parameters, so that any other key is reported
 * as not a setting of the page; omit it where the page reports unknown keys
 * itself (the slide).
 */
export function useDashboardFilters(pageGroups?: SomeGroup[]) {
  const searchParams = useSearchParams();
  const [, setUrl] = useQueryStates(dashboardParams.parsers, { history: "push", scroll: false, shallow: false });
  const router = useRouter();
  const pathname = usePathname();
  const { data: meta } = useQuery(metaQuery());

  const ctx = useMemo(() => (meta ? { donorCodes: meta.donors.map((d) => d.code), datasetIds: meta.datasets.map((d) => d.id) } : undefined), [meta]);
  const { filters, problems } = useMemo(() => {
    const params = new URLSearchParams(searchParams.toString());
    const parsed = parseFilters(params, ctx, pageGroups);
    const ds = meta?.datasets.find((d) => d.id === (parsed.filters.dataset ?? meta.defaultDataset));
    return withDatasetDefaults(parsed, params, ds?.measures);
  }, [searchParams, ctx, meta, pageGroups]);

  // Every dashboard key is written (invalid ones replaced by their parsed value), none of the page's own.
  // From nuqs's latest state, not `filters`: useSearchParams catches up only when the
  // server round trip of the previous change ends, and a quick second change would
  // otherwise write the stale selection back (a donor picked, then a category, lost the donor).
  const update = useCallback((patch: Partial<DashboardFilters>) => void setUrl((latest) => ({ ...latest, ...patch })), [setUrl]);
  const reset = useCallback(() => router.push(pathname, { scroll: false }), [pathname, router]);

  const dataset = meta?.datasets.find((d) => d.id === (filters.dataset ?? meta.defaultDataset));
  const donorNames = useMemo(() => Object.fromEntries((meta?.donors ?? []).map((d) => [d.code, d.name])), [meta]);
  const summary = filterSummaryLine(filters, { donorNames, coverage: dataset?.coverage });

  return { filters, problems, update, reset, meta, dataset, donorNames, summary };
}
export type DashboardFiltersState = ReturnType<typeof useDashboardFilters>;
