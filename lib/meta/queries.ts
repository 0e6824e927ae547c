import type { DbTx } from "@/lib/db";
import { isoFromDate } from "@/lib/domain/common-schemas";
import { DONOR_GROUPS, parseGroups } from "@/lib/domain/donor-groups";
import {
  CATEGORIES,
  CATEGORY_LABELS,
  CHANNELS,
  CHANNEL_LABELS,
  CURRENCIES,
  DEPLOYMENT_STATUSES,
  EVENT_TYPES,
  EVENT_TYPE_LABELS,
  MEASURES,
  SUBCATEGORIES,
} from "@/lib/domain/taxonomy";
import { listDatasets, resolveDataset } from "@/lib/datasets/queries";

async function dateSpan(agg: Promise<{ _min: { date: Date | null }; _max: { date: Date | null } }>): Promise<{ from: string | null; to: string | null }> {
  const r = await agg;
  return { from: r._min.date ? isoFromDate(r._min.date) : null, to: r._max.date ? isoFromDate(r._max.date) : null };
}

/**
 * How old each dataset is, for the header: the tracker release the aid
 * figures default to (number, end of its data period, publication date), and
 * the last curated event and deployment report.
 */
function freshnessOf(datasets: Awaited<ReturnType<typeof listDatasets>>, events: { to: string | null }, deployments: { to: string | null }) {
  const tracker = datasets.find((d) => d.kind === "tracker" && d.recordCount > 0) ?? null;
  return {
    tracker: tracker
      ? {
          datasetId: tracker.id,
          name: tracker.name,
          releaseNumber: /^src-kiel-ust-r(\d+)$/.exec(tracker.source?.id ?? "")?.[1] ?? /release\s+(\d+)/i.exec(tracker.name)?.[1] ?? null,
          dataTo: tracker.asOf,
          publishedAt: tracker.source?.publishedAt ?? null,
        }
      : null,
    eventsTo: events.to,
    deploymentsTo: deployments.to,
  };
}

export async function getMeta(db: DbTx) {
  const [donors, datasets, defaultDataset, sources, events, deployments] = await Promise.all([
    db.donor.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { aidRecords: true } } } }),
    listDatasets(db),
    resolveDataset(db),
    db.source.groupBy({ by: ["publisher"], _count: { _all: true }, orderBy: { publisher: "asc" } }),
    dateSpan(db.event.aggregate({ _min: { date: true }, _max: { date: true } })),
    dateSpan(db.deployment.aggregate({ _min: { date: true }, _max: { date: true } })),
  ]);
  const coverage = await Promise.all(
    datasets.map(async (d) => ({
      datasetId: d.id,
      ...(await dateSpan(db.aidRollup.aggregate({ where: { datasetId: d.id }, _min: { date: true }, _max: { date: true } }))),
    })),
  );
  return {
    donors: donors.map((d) => ({ code: d.code, name: d.name, groups: parseGroups(d.groups), recordCount: d._count.aidRecords })),
    donorGroups: Object.entries(DONOR_GROUPS).map(([code, label]) => ({ code, label })),
    categories: CATEGORIES.map((c) => ({ code: c, label: CATEGORY_LABELS[c] })),
    subcategories: [...SUBCATEGORIES],
    measures: [...MEASURES],
    currencies: [...CURRENCIES],
    datasets: datasets.map((d) => ({ ...d, coverage: coverage.find((c) => c.datasetId === d.id)! })),
    defaultDataset: defaultDataset.id,
    dataAsOf: defaultDataset.asOf,
    coverage: { aid: coverage.find((c) => c.datasetId === defaultDataset.id)!, events, deployments },
    freshness: freshnessOf(datasets, events, deployments),
    eventTypes: EVENT_TYPES.map((t) => ({ code: t, label: EVENT_TYPE_LABELS[t] })),
    channels: CHANNELS.map((c) => ({ code: c, label: CHANNEL_LABELS[c] })),
    deploymentStatuses: [...DEPLOYMENT_STATUSES],
    sources: {
      total: sources.reduce((n, s) => n + s._count._all, 0),
      byPublisher: sources.map((s) => ({ publisher: s.publisher, count: s._count._all })),
    },
  };
}
export type MetaDto = Awaited<ReturnType<typeof getMeta>>;
