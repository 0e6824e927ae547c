"use client";

import type { DashboardFiltersState } from "@/components/filters/use-dashboard-filters";
import { totalKpi, topDonorShares } from "@/lib/kpi/aid-kpis";
import { changeKpi, changePlan } from "@/lib/kpi/change";
import { formatMonth, formatDay } from "@/lib/format/dates";
import { formatMoney, formatPercent, formatSignedPercent } from "@/lib/format/money";
import { useAidSummary } from "./use-aid-queries";

export function KpiTiles({ state }: { state: DashboardFiltersState }) {
  const { filters, dataset } = state;
  const current = useAidSummary(filters);
  // One plan for the tile and the slide's strip (lib/kpi/change): the view against the period before, or the last 12 months against the 12 before.
  const plan = changePlan(filters, dataset?.coverage);
  const ownWindow = useAidSummary(filters, plan?.current ?? {}, !!plan && !plan.currentIsView);
  const previous = useAidSummary(filters, plan?.previous ?? {}, !!plan);
  const s = current.data;
  const cur = filters.currency;
  // Disabled queries keep the last dataset's data: only a comparison that applies here counts.
  const base = plan ? (plan.currentIsView ? s : ownWindow.data) : undefined;
  const change = changeKpi(
    plan,
    { current: base?.total, previous: plan ? previous.data?.total : undefined },
    { money: (n) => formatMoney(n, cur), day: formatDay },
  );
  const total = totalKpi(s);
  const top = topDonorShares(s);

  return (
    <section className="kpis" aria-label="Key figures" data-testid="kpis">
      <div className="kpi">
        <div className="label">Total in range</div>
        <div className="value" data-testid="kpi-total" data-value={total?.total ?? ""}>
          {total ? formatMoney(total.total, cur) : "…"}
        </div>
        <div className="detail">{total?.detail ?? ""}</div>
      </div>
      <div className="kpi">
        <div className="label">Top donors’ shares</div>
        <div className="detail" style={{ fontSize: 14, color: "var(--ink)" }}>
          {top.length
            ? top.map((d) => (
                <div key={d.code} style={{ display: "flex", justifyContent: "space-between", gap: 8 }}>
                  <span>{d.name}</span>
                  <strong>{formatPercent(d.share)}</strong>
                </div>
              ))
            : "–"}
        </div>
      </div>
      <div className="kpi">
        <div className="label">{change.label}</div>
        <div className={`value ${change.value !== null ? (change.value >= 0 ? "up" : "down") : ""}`} data-testid="kpi-change">
          {change.value !== null ? formatSignedPercent(change.value) : "–"}
        </div>
        <div className="detail">{change.detail}</div>
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
