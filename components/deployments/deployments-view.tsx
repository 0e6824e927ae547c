"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { metaQuery } from "@/lib/query-keys";
import { WidgetState } from "@/components/dashboard/widget-state";
import { DeploymentsTable } from "./deployments-table";
import { PersonnelWidget } from "./personnel-widget";
import { timelineDomain } from "./timeline-layout";
import { TimelineWidget } from "./timeline-widget";
import { useDeploymentsView } from "./use-deployments-view";
import "@/components/escalation/escalation.css";

export function DeploymentsView() {
  const { range, setRange, query } = useDeploymentsView();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const fetching = query.isFetching && !query.isPending;
  // The last report of all (not of the range), from the same meta the header uses; unfiltered, the list itself says it.
  const { data: meta } = useQuery(metaQuery());
  const unfilteredLast =
    !range.from && !range.to
      ? (query.data?.items
          .map((d) => d.date)
          .sort()
          .at(-1) ?? null)
      : null;
  const lastReport = meta?.coverage.deployments.to ?? unfilteredLast;

  return (
    <>
      <div className="page-title">
        <h1>Third-country deployments</h1>
        {query.data && (
          <span className="as-of" data-testid="deployments-count">
            {query.data.total} reports
          </span>
        )}
      </div>
      {range.problems.length > 0 && (
        <div className="banner banner-warn" role="alert" data-testid="filter-problems">
          {range.problems.join(" ")}
        </div>
      )}
      <form className="panel dep-controls" aria-label="Date range" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>From</span>
          <input type="date" value={range.from ?? ""} max={range.to ?? undefined} onChange={(e) => setRange({ from: e.target.value || null })} />
        </label>
        <label className="field">
          <span>To</span>
          <input type="date" value={range.to ?? ""} min={range.from ?? undefined} onChange={(e) => setRange({ to: e.target.value || null })} />
        </label>
        <button type="button" className="btn" onClick={() => setRange({ from: null, to: null })} disabled={!range.from && !range.to}>
          All dates
        </button>
      </form>
      <WidgetState query={query} height={420} label="deployments">
        {(data) => (
          <>
            <div className="grid grid-2 dep-grid">
              <TimelineWidget
                items={data.items}
                domain={timelineDomain(data.items, range.from, range.to)}
                selectedId={selectedId}
                onSelect={setSelectedId}
                fetching={fetching}
                lastReport={lastReport}
              />
              <PersonnelWidget items={data.items} range={range} fetching={fetching} lastReport={lastReport} />
            </div>
            <section className="panel" aria-labelledby="dep-table-heading">
              <h2 id="dep-table-heading" style={{ fontSize: 16, margin: "0 0 8px" }}>
                All reports, with sources
              </h2>
              <div className="table-wrap">
                <DeploymentsTable items={data.items} selectedId={selectedId} caption="Deployment reports with their sources and notes" />
              </div>
            </section>
          </>
        )}
      </WidgetState>
    </>
  );
}
