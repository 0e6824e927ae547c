import { QueryClient } from "@tanstack/react-query";
import { STALE_TIME_MS } from "@/lib/query-keys";

/** A fresh QueryClient for one server render's prefetches. */
export function createServerQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: STALE_TIME_MS } } });
}
