import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api-client";
import type { MetaDto } from "@/lib/meta/queries";
import type { AidRecordsPageDto, AidSummaryDto, AidTimeseriesDto } from "@/lib/aid/queries";

/**
 * One queryOptions factory per API read. Keys are built from the canonical API
 * query string, so the server prefetch (which calls lib/ directly with the same
 * key) and the browser fetch meet in the same cache entry.
 */
export const STALE_TIME_MS = 5 * 60_000;

export const metaQuery = () => queryOptions({ queryKey: ["meta"], queryFn: () => fetchJson<MetaDto>("/api/meta"), staleTime: STALE_TIME_MS });

export const aidSummaryQuery = (qs: string) =>
  queryOptions({
    queryKey: ["aid", "summary", qs],
    queryFn: () => fetchJson<AidSummaryDto>(`/api/aid/summary?${qs}`),
    staleTime: STALE_TIME_MS,
  });

export const aidTimeseriesQuery = (qs: string) =>
  queryOptions({
    queryKey: ["aid", "timeseries", qs],
    queryFn: () => fetchJson<AidTimeseriesDto>(`/api/aid/timeseries?${qs}`),
    staleTime: STALE_TIME_MS,
  });

export const aidRecordsQuery = (qs: string) =>
  queryOptions({
    queryKey: ["aid", "records", qs],
    queryFn: () => fetchJson<AidRecordsPageDto>(`/api/aid/records?${qs}`),
    staleTime: STALE_TIME_MS,
  });

export type EscalationSeriesDto = Awaited<ReturnType<typeof import("@/lib/escalation/queries").getEscalationSeries>>;
export type EscalationExplainDto = Awaited<ReturnType<typeof import("@/lib/escalation/queries").explainEscalation>>;
export type EventsPageDto = Awaited<ReturnType<typeof import("@/lib/events/queries").listEvents>>;
export type DeploymentsPageDto = Awaited<ReturnType<typeof import("@/lib/deployments/queries").listDeployments>>;

export const escalationQuery = (qs: string) =>
  queryOptions({
    queryKey: ["escalation", "series", qs],
    queryFn: () => fetchJson<EscalationSeriesDto>(`/api/escalation?${qs}`),
    staleTime: STALE_TIME_MS,
  });

export const escalationExplainQuery = (qs: string) =>
  queryOptions({
    queryKey: ["escalation", "explain", qs],
    queryFn: () => fetchJson<EscalationExplainDto>(`/api/escalation/explain?${qs}`),
    staleTime: STALE_TIME_MS,
  });

export const eventsQuery = (qs: string) =>
  queryOptions({
    queryKey: ["events", qs],
    queryFn: () => fetchJson<EventsPageDto>(`/api/events?${qs}`),
    staleTime: STALE_TIME_MS,
  });

export const deploymentsQuery = (qs: string) =>
  queryOptions({
    queryKey: ["deployments", qs],
    queryFn: () => fetchJson<DeploymentsPageDto>(`/api/deployments?${qs}`),
    staleTime: STALE_TIME_MS,
  });

export type WeaponsDto = Awaited<ReturnType<typeof import("@/lib/weapons/queries").getWeapons>>;

export const weaponsQuery = (qs: string) =>
  queryOptions({
    queryKey: ["weapons", qs],
    queryFn: () => fetchJson<WeaponsDto>(`/api/weapons?${qs}`),
    staleTime: STALE_TIME_MS,
  });

export type ImportRunsPageDto = Awaited<ReturnType<typeof import("@/lib/import/kiel/import-runs").listImportRuns>>;

export const importRunsQuery = () =>
  queryOptions({
    queryKey: ["imports"],
    queryFn: () => fetchJson<ImportRunsPageDto>("/api/imports?pageSize=50"),
    staleTime: 30_000,
  });
