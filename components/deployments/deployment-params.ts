import { parseFilters } from "@/lib/filters/filter-state";

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

/** The API caps a page at 1000; the curated list is far smaller, so one page holds every entry. */
export const DEPLOYMENTS_PAGE_SIZE = 1000;

/** The page's date range, validated exactly as the dashboard validates its own (a reversed range is dropped and reported). */
export function parseDeploymentRange(params: Params): { from: string | null; to: string | null; problems: string[] } {
  const { filters, problems } = parseFilters(params);
  return { from: filters.from, to: filters.to, problems: problems.filter((p) => /date|from|to/i.test(p)) };
}

/** Canonical query string for GET /api/deployments (keys sorted), shared by the server prefetch and the browser. */
export function deploymentsApiQuery(range: { from: string | null; to: string | null }): string {
  const p = new URLSearchParams();
  if (range.from) p.set("from", range.from);
  p.set("pageSize", String(DEPLOYMENTS_PAGE_SIZE));
  if (range.to) p.set("to", range.to);
  return p.toString();
}
