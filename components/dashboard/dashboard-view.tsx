"use client";

import { BriefThisViewLink } from "@/components/brief/brief-link";
import { FilterBar } from "@/components/filters/filter-bar";
import { useDashboardFilters } from "@/components/filters/use-dashboard-filters";
import { formatDay } from "@/lib/format/dates";
import { AidByDonorWidget } from "./aid-by-donor-widget";
import { AidOverTimeWidget } from "./aid-over-time-widget";
import { CategoryMixWidget } from "./category-mix-widget";
import { KpiTiles } from "./kpi-tiles";
import { RecordsTable } from "./records-table";
import { WeaponsWidget } from "./weapons-widget";

/** The dashboard page reads only the dashboard's keys: any other is reported. */
const DASHBOARD_ONLY: [] = [];

export function DashboardView() {
  const state = useDashboardFilters(DASHBOARD_ONLY);
  const { problems, dataset, summary } = state;
  return (
    <>
      <div className="page-title">
        <h1>Aid to Ukraine</h1>
        {dataset && (
          <span className="as-of" data-testid="data-as-of">
            {dataset.name}
            {dataset.asOf ? ` · data as of ${formatDay(dataset.asOf)}` : ""}
          </span>
        )}
      </div>
      {problems.length > 0 && (
        <div className="banner banner-warn" role="alert" data-testid="filter-problems">
          <strong>Some of this link’s filters could not be used.</strong>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <FilterBar state={state} />
      <p className="summary-line" data-testid="filter-summary">
        Showing: <strong>{summary}</strong>
        <BriefThisViewLink filters={state.filters} />
      </p>
      <KpiTiles state={state} />
      <div className="grid grid-main" style={{ marginBottom: 16 }}>
        <AidOverTimeWidget state={state} />
        <CategoryMixWidget state={state} />
      </div>
      <div className="grid" style={{ marginBottom: 16 }}>
        <AidByDonorWidget state={state} />
        <WeaponsWidget state={state} />
      </div>
      <RecordsTable state={state} />
    </>
  );
}
