import { dashboardParams, orderedRange } from "@/lib/filters/filter-state";
import { groupTools, paramProblems, toSearchParams, type ParamGroup, type Params } from "@/lib/url-state/params";

/** The API caps a page at 1000; the curated list is far smaller, so one page holds every entry. */
export const DEPLOYMENTS_PAGE_SIZE = 1000;

/** The page reads only the shared date range: the dashboard's own `from`/`to` parsers and checks. */
const rangeParsers = { from: dashboardParams.parsers.from, to: dashboardParams.parsers.to };
export const deploymentParams: ParamGroup<typeof rangeParsers> = {
  parsers: rangeParsers,
  checks: { from: dashboardParams.checks.from, to: dashboardParams.checks.to },
};
const tools = groupTools(deploymentParams);

/**
 * The page's date range, validated exactly as the dashboard validates its
 * own (a reversed range is dropped and reported). Every other key is named
 * as not a setting of this page (`top=99` is not a date problem).
 */
export function parseDeploymentRange(params: Params): { from: string | null; to: string | null; problems: string[] } {
  const sp = toSearchParams(params);
  const v = tools.load(sp);
  const range = orderedRange(v.from, v.to);
  return { from: range.from, to: range.to, problems: [...paramProblems(sp, [deploymentParams]), ...(range.problem ? [range.problem] : [])] };
}

/** Canonical query string for GET /api/deployments (keys sorted), shared by the server prefetch and the browser. */
export function deploymentsApiQuery(range: { from: string | null; to: string | null }): string {
  const p = new URLSearchParams();
  if (range.from) p.set("from", range.from);
  p.set("pageSize", String(DEPLOYMENTS_PAGE_SIZE));
  if (range.to) p.set("to", range.to);
  return p.toString();
}
