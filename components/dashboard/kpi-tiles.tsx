"use client";

import type { DashboardFiltersState } from "@/components/filters/use-dashboard-filters";
import { changeWindows } from "@/lib/filters/date-presets";
import { formatMonth, formatDay } from "@/lib/format/dates";
import { formatMoney, formatPercent, formatSignedPercent } from "@/lib/format/money";
import { useAidSummary } from "./use-aid-queries";

export function KpiTiles({ state }: { state: DashboardFiltersState }) {
  const { filters, dataset } = state;
  const current = useAidSummary(filters);
  const windows = changeWindows(filters, dataset?.coverage);
  const hasPrevData = !!(windows && dataset?.coverage.from && windows.previous.to >= dataset.coverage.from);
  // A view without a range compares its last 12 months; otherwise the view itself is the current window.
  const trailing = useAidSummary(filters, windows?.current ?? {}, hasPrevData && !!windows?.trailing);
  const previous = useAidSummary(filters, windows?.previous ?? {}, hasPrevData);
  const s = current.data;
  const cur = filters.currency;
  const top = s?.byDonor.slice(0, 3) ?? [];
  const base = windows?.trailing ? trailing.data : s;
  // Disabled queries keep the last dataset's data: only a comparison that applies here counts.
  const change = hasPrevData && base && previous.data && previous.data.total > 0 ? base.total / previous.data.total - 1 : null;

  return (
    <section className="kpis" aria-label="Key figures" data-testid="kpis">
      <div className="kpi">
        <div className="label">Total in range</div>
        <div className="value" data-testid="kpi-total" data-value={s?.total ?? ""}>
          {s ? formatMoney(s.total, cur) : "…"}
        </div>
        <div className="detail">
          {s ? `${s.measure === "allocation" ? "Allocations" : "Commitments"} · ${s.recordCount.toLocaleString("en-GB")} records` : ""}
        </div>
      </div>
      <div className="kpi">
        <div className="label">Top donors' shares</div>
        <div className="detail" style={{ fontSize: 14, color: "var(--ink)" }}>
          {s && s.total > 0
            ? top.map((d) => (
                <div key={d.donorCode} style={{ display: "flex", justifyContent: "space-between", gap: 8 }}>
                  <span>{d.donorName}</span>
                  <strong>{formatPercent(d.total / s.total)}</strong>
                </div>
              ))
            : "–"}
        </div>
      </div>
      <div className="kpi">
        <div className="label">{windows?.trailing ? "Change, last 12 months" : "Change vs previous period"}</div>
        <div className={`value ${change !== null ? (change >= 0 ? "up" : "down") : ""}`} data-testid="kpi-change">
          {change !== null ? formatSignedPercent(change) : "–"}
        </div>
        <div className="detail">
          {windows && hasPrevData && previous.data && base
            ? `${formatMoney(base.total, cur)} in ${formatDay(windows.current.from)} – ${formatDay(windows.current.to)} vs ${formatMoney(previous.data.total, cur)} in the ${windows.trailing ? "12 months" : "period"} before`
            : windows
              ? "No data for the equal-length period before"
              : ""}
        </div>
      </div>
      <div className="kpi">
        <div className="label">Latest data month</div>
        <div className="value" data-testid="kpi-latest">
          {dataset?.coverage.to ? formatMonth(dataset.coverage.to) : "–"}
        </div>
        <div className="detail">{dataset ? `${dataset.name}${dataset.asOf ? `, as of ${formatDay(dataset.asOf)}` : ""}` : ""}</div>
      </div>
    </section>
  );
}
