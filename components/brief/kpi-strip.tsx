"use client";

import { useDashboardFilters } from "@/components/filters/use-dashboard-filters";
import type { AidSummaryDto } from "@/lib/aid/queries";
import { formatDay, formatMonth } from "@/lib/format/dates";
import { formatMoney, formatPercent, formatSignedPercent } from "@/lib/format/money";
import { totalKpi, topDonorShares } from "@/lib/kpi/aid-kpis";
import { changeKpi, changePlan } from "@/lib/kpi/change";

/**
 * The dashboard's four key figures, in slide type. Each figure comes from the
 * same function as the dashboard's tile (lib/kpi), and the change plan from the
 * same filters and coverage, so the slide and the dashboard say the same.
 */
export function KpiStrip({
  summary,
  previous,
  recent,
  currency,
  latestMonth,
  datasetLabel,
}: {
  summary: AidSummaryDto | undefined;
  /** The change KPI's comparison period (lib/export/brief-queries: previousSummary). */
  previous: AidSummaryDto | undefined;
  /** Kept for the slide's call; the plan (lib/kpi/change) names the period. */
  previousRange?: { from: string; to: string } | null;
  /** The change KPI's current period when it is not the view itself (the last 12 months). */
  recent: AidSummaryDto | undefined;
  /** Unused: the comparison period is `previous` whatever the basis. */
  recentPrevious?: AidSummaryDto | undefined;
  currency: string;
  latestMonth: string | null;
  datasetLabel: string;
}) {
  const { filters, dataset } = useDashboardFilters();
  const plan = changePlan(filters, dataset?.coverage);
  const current = plan?.currentIsView ? summary : recent;
  const change = changeKpi(plan, { current: current?.total, previous: previous?.total }, { money: (n) => formatMoney(n, currency), day: formatDay });
  const total = totalKpi(summary);
  const top = topDonorShares(summary);
  return (
    <section className="brief-kpis" aria-label="Key figures" data-widget="kpis">
      <div className="brief-kpi">
        <div className="brief-kpi-label">Total in range</div>
        <div className="brief-kpi-value" data-testid="brief-kpi-total" data-value={total?.total ?? ""}>
          {total ? formatMoney(total.total, currency) : "–"}
        </div>
        <div className="brief-kpi-detail">{total?.detail ?? ""}</div>
      </div>
      <div className="brief-kpi">
        <div className="brief-kpi-label">Largest donors’ shares</div>
        <ol className="brief-kpi-list">
          {top.length
            ? top.map((d) => (
                <li key={d.code}>
                  <span>{d.name}</span>
                  <strong>{formatPercent(d.share)}</strong>
                </li>
              ))
            : "–"}
        </ol>
      </div>
      <div className="brief-kpi">
        <div className="brief-kpi-label">{change.label}</div>
        <div className={`brief-kpi-value ${change.value === null ? "" : change.value >= 0 ? "up" : "down"}`} data-testid="brief-kpi-change">
          {change.value === null ? "–" : formatSignedPercent(change.value)}
        </div>
        <div className="brief-kpi-detail">{change.detail}</div>
      </div>
      <div className="brief-kpi">
        <div className="brief-kpi-label">Latest data month</div>
        <div className="brief-kpi-value">{latestMonth ? formatMonth(latestMonth) : "–"}</div>
        <div className="brief-kpi-detail">{datasetLabel}</div>
      </div>
    </section>
  );
}
