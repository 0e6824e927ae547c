"use client";

import type { AidSummaryDto } from "@/lib/aid/queries";
import { formatDay, formatMonth } from "@/lib/format/dates";
import { formatMoney, formatPercent, formatSignedPercent } from "@/lib/format/money";

/** The dashboard's four key figures, in slide type. */
export function KpiStrip({
  summary,
  previous,
  previousRange,
  recent,
  recentPrevious,
  currency,
  latestMonth,
  datasetLabel,
}: {
  summary: AidSummaryDto | undefined;
  previous: AidSummaryDto | undefined;
  previousRange: { from: string; to: string } | null;
  /** The last 12 months and the 12 before, for views that start with the data (nothing earlier to compare). */
  recent: AidSummaryDto | undefined;
  recentPrevious: AidSummaryDto | undefined;
  currency: string;
  latestMonth: string | null;
  datasetLabel: string;
}) {
  const s = summary;
  const change = s && previous && previous.total > 0 ? s.total / previous.total - 1 : null;
  const recentChange = recent && recentPrevious && recentPrevious.total > 0 ? recent.total / recentPrevious.total - 1 : null;
  const top = s?.byDonor.slice(0, 3) ?? [];
  return (
    <section className="brief-kpis" aria-label="Key figures" data-widget="kpis">
      <div className="brief-kpi">
        <div className="brief-kpi-label">Total in range</div>
        <div className="brief-kpi-value" data-testid="brief-kpi-total" data-value={s?.total ?? ""}>
          {s ? formatMoney(s.total, currency) : "–"}
        </div>
        <div className="brief-kpi-detail">
          {s ? `${s.measure === "allocation" ? "Allocations" : "Commitments"} · ${s.recordCount.toLocaleString("en-GB")} records` : ""}
        </div>
      </div>
      <div className="brief-kpi">
        <div className="brief-kpi-label">Largest donors’ shares</div>
        <ol className="brief-kpi-list">
          {s && s.total > 0
            ? top.map((d) => (
                <li key={d.donorCode}>
                  <span>{d.donorName}</span>
                  <strong>{formatPercent(d.total / s.total)}</strong>
                </li>
              ))
            : "–"}
        </ol>
      </div>
      {recent && !previous ? (
        <div className="brief-kpi">
          <div className="brief-kpi-label">Last 12 months</div>
          <div className="brief-kpi-value">{formatMoney(recent.total, currency)}</div>
          <div className={`brief-kpi-detail ${recentChange === null ? "" : recentChange >= 0 ? "up" : "down"}`}>
            {recentChange === null ? "Nothing in the 12 months before" : `${formatSignedPercent(recentChange)} vs the 12 months before`}
          </div>
        </div>
      ) : (
        <div className="brief-kpi">
          <div className="brief-kpi-label">Change vs previous period</div>
          <div className={`brief-kpi-value ${change === null ? "" : change >= 0 ? "up" : "down"}`}>{change === null ? "–" : formatSignedPercent(change)}</div>
          <div className="brief-kpi-detail">
            {previous && previousRange
              ? `${formatMoney(previous.total, currency)} in ${formatDay(previousRange.from)} – ${formatDay(previousRange.to)}`
              : "No data for the equal-length period before"}
          </div>
        </div>
      )}
      <div className="brief-kpi">
        <div className="brief-kpi-label">Latest data month</div>
        <div className="brief-kpi-value">{latestMonth ? formatMonth(latestMonth) : "–"}</div>
        <div className="brief-kpi-detail">{datasetLabel}</div>
      </div>
    </section>
  );
}
