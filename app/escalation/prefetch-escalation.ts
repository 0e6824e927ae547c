import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import type { Db } from "@/lib/db";
import { getEscalationSeries } from "@/lib/escalation/queries";
import { ZEscalationQuery } from "@/lib/escalation/schemas";
import { parseFilters, withDatasetDefaults } from "@/lib/filters/filter-state";
import { escalationQuery } from "@/lib/query-keys";
import { prefetchMeta, prefetchTimeseries } from "@/lib/server-prefetch";
import { aidTimeseriesApiQuery } from "@/lib/charts/split";
import { escalationApiQuery, parseEscalationParams } from "@/components/escalation/escalation-params";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The escalation page's reads under the keys its widgets use: the index
 * series (parsed with the route's own schema) and the monthly aid bars for
 * the dashboard's filters. A failed read is left to the widget to show.
 */
export async function prefetchEscalationPage(qc: QueryClient, db: Db, searchParams: SearchParams): Promise<void> {
  const meta = await prefetchMeta(qc, db);
  const parsed = parseFilters(searchParams, { donorCodes: meta.donors.map((d) => d.code), datasetIds: meta.datasets.map((d) => d.id) });
  const dataset = meta.datasets.find((d) => d.id === (parsed.filters.dataset ?? meta.defaultDataset));
  const { filters } = withDatasetDefaults(parsed, searchParams, dataset?.measures);
  const { params } = parseEscalationParams(searchParams);
  const qs = escalationApiQuery({ from: filters.from, to: filters.to, ...params });
  await Promise.all([
    qc.prefetchQuery({
      ...escalationQuery(qs),
      queryFn: () => getEscalationSeries(db, ZEscalationQuery.parse(Object.fromEntries(new URLSearchParams(qs)))),
    }),
    prefetchTimeseries(qc, db, aidTimeseriesApiQuery(filters, "month")),
  ]);
}
