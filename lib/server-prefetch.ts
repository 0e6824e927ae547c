import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import type { Db } from "@/lib/db";
import { cachedJson } from "@/lib/snapshot-response";
import { ZAidFilters, ZRecordsQuery, ZTimeseriesQuery } from "@/lib/aid/schemas";
import { getAidSummary, getAidTimeseries, listAidRecords } from "@/lib/aid/queries";
import { getMeta, type MetaDto } from "@/lib/meta/queries";
import { aidTimeseriesApiQuery } from "@/lib/charts/split";
import { aidRecordsQuery, aidSummaryQuery, aidTimeseriesQuery, metaQuery } from "@/lib/query-keys";
import { aidApiQuery, parseFilters, withDatasetDefaults, type DashboardFilters } from "@/lib/filters/filter-state";
import { changePlan } from "@/lib/kpi/change";

/**
 * Server-side reads under the same query keys the widgets use, so the first
 * paint already holds data. Each loader parses the canonical query string with
 * the route handler's own zod schema: server and API cannot disagree.
 */
const params = (qs: string) => Object.fromEntries(new URLSearchParams(qs));

export async function prefetchMeta(qc: QueryClient, db: Db): Promise<MetaDto> {
  return qc.fetchQuery({ ...metaQuery(), queryFn: () => cachedJson("/api/meta", (tx) => getMeta(tx), db) });
}

export function prefetchSummary(qc: QueryClient, db: Db, qs: string) {
  return qc.prefetchQuery({
    ...aidSummaryQuery(qs),
    queryFn: () => cachedJson(`/api/aid/summary?${qs}`, (tx) => getAidSummary(tx, ZAidFilters.parse(params(qs))), db),
  });
}

export function prefetchTimeseries(qc: QueryClient, db: Db, qs: string) {
  return qc.prefetchQuery({
    ...aidTimeseriesQuery(qs),
    queryFn: () => cachedJson(`/api/aid/timeseries?${qs}`, (tx) => getAidTimeseries(tx, ZTimeseriesQuery.parse(params(qs))), db),
  });
}

export function prefetchRecords(qc: QueryClient, db: Db, qs: string) {
  return qc.prefetchQuery({
    ...aidRecordsQuery(qs),
    queryFn: () => cachedJson(`/api/aid/records?${qs}`, (tx) => listAidRecords(tx, ZRecordsQuery.parse(params(qs))), db),
  });
}

export async function prefetchDashboard(
  qc: QueryClient,
  db: Db,
  searchParams: Record<string, string | string[] | undefined>,
): Promise<{ filters: DashboardFilters; meta: MetaDto }> {
  const meta = await prefetchMeta(qc, db);
  const parsed = parseFilters(searchParams, {
    donorCodes: meta.donors.map((d) => d.code),
    datasetIds: meta.datasets.map((d) => d.id),
  });
  const dataset = meta.datasets.find((d) => d.id === (parsed.filters.dataset ?? meta.defaultDataset));
  const { filters } = withDatasetDefaults(parsed, searchParams, dataset?.measures);
  const plan = changePlan(filters, dataset?.coverage);
  await Promise.all([
    prefetchSummary(qc, db, aidApiQuery(filters)),
    prefetchSummary(qc, db, aidApiQuery({ ...filters, donor: [] })),
    plan ? prefetchSummary(qc, db, aidApiQuery({ ...filters, ...plan.previous })) : null,
    plan && !plan.currentIsView ? prefetchSummary(qc, db, aidApiQuery({ ...filters, ...plan.current })) : null,
    prefetchTimeseries(qc, db, aidTimeseriesApiQuery(filters, filters.granularity)),
    prefetchRecords(qc, db, aidApiQuery(filters, { page: 1, pageSize: 25, sort: "date" })),
  ]);
  return { filters, meta };
}
