import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api-client";
import type { ConflictDailyDto, ConflictRegionsDto } from "@/lib/conflict/queries";

/** One queryOptions per conflict read (the panel's hooks and any prefetch share them). */
const STALE_TIME_MS = 5 * 60_000;

export const conflictDailyQuery = (qs: string) =>
  queryOptions({ queryKey: ["conflict", "daily", qs], queryFn: () => fetchJson<ConflictDailyDto>(`/api/conflict/daily?${qs}`), staleTime: STALE_TIME_MS });

export const conflictRegionsQuery = (qs: string) =>
  queryOptions({
    queryKey: ["conflict", "regions", qs],
    queryFn: () => fetchJson<ConflictRegionsDto>(`/api/conflict/regions?${qs}`),
    staleTime: STALE_TIME_MS,
  });

export function conflictQs(p: { from?: string | null; to?: string | null; dataset?: string | null }): string {
  const q = new URLSearchParams();
  if (p.from) q.set("from", p.from);
  if (p.to) q.set("to", p.to);
  if (p.dataset) q.set("dataset", p.dataset);
  return q.toString();
}
