import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import type { Db } from "@/lib/db";
import { listDeployments } from "@/lib/deployments/queries";
import { ZDeploymentsQuery } from "@/lib/deployments/schemas";
import { getEscalationSeries } from "@/lib/escalation/queries";
import { ZEscalationQuery } from "@/lib/escalation/schemas";
import { listEvents } from "@/lib/events/queries";
import { ZEventsQuery } from "@/lib/events/schemas";
import { briefReads } from "@/lib/export/brief-queries";
import type { BriefWidget } from "@/lib/export/brief-params";
import { parseFilters, withDatasetDefaults } from "@/lib/filters/filter-state";
import { deploymentsQuery, escalationQuery, eventsQuery } from "@/lib/query-keys";
import { prefetchMeta, prefetchSummary, prefetchTimeseries } from "@/lib/server-prefetch";

const params = (qs: string) => Object.fromEntries(new URLSearchParams(qs));

/** The slide's reads, done on the server under the browser's query keys: the first paint is the finished slide. */
export async function prefetchBrief(
  qc: QueryClient,
  db: Db,
  searchParams: Record<string, string | string[] | undefined>,
  widgets: BriefWidget[],
): Promise<void> {
  const meta = await prefetchMeta(qc, db);
  const parsed = parseFilters(searchParams, { donorCodes: meta.donors.map((d) => d.code), datasetIds: meta.datasets.map((d) => d.id) });
  const dataset = meta.datasets.find((d) => d.id === (parsed.filters.dataset ?? meta.defaultDataset));
  const { filters } = withDatasetDefaults(parsed, searchParams, dataset?.measures);
  const r = briefReads(filters, widgets, { aid: dataset?.coverage, events: meta.coverage.events, deployments: meta.coverage.deployments });
  await Promise.all([
    ...[r.summary, r.previousSummary, r.recentSummary, r.recentPreviousSummary, r.summaryEur].map((qs) => (qs ? prefetchSummary(qc, db, qs) : null)),
    ...[r.timeseries, r.monthly].map((qs) => (qs ? prefetchTimeseries(qc, db, qs) : null)),
    r.escalation
      ? qc.prefetchQuery({ ...escalationQuery(r.escalation), queryFn: () => getEscalationSeries(db, ZEscalationQuery.parse(params(r.escalation!))) })
      : null,
    r.events ? qc.prefetchQuery({ ...eventsQuery(r.events), queryFn: () => listEvents(db, ZEventsQuery.parse(params(r.events!))) }) : null,
    r.deployments
      ? qc.prefetchQuery({ ...deploymentsQuery(r.deployments), queryFn: () => listDeployments(db, ZDeploymentsQuery.parse(params(r.deployments!))) })
      : null,
  ]);
}
