"use client";

import { forwardRef, useEffect, useRef, useState, type ReactNode } from "react";
import { AidOverTimeChart } from "@/components/charts/aid-over-time-chart";
import { aidEscalationLegend, aidEscalationRows } from "@/lib/charts/aid-escalation";
import { aidOverTimeChart } from "@/lib/charts/aid-over-time";
import { effectiveSplit } from "@/lib/charts/split";
import { AidByDonorChart } from "@/components/charts/aid-by-donor-chart";
import { aidByDonorChart } from "@/lib/charts/aid-by-donor";
import { INDEX_COLOR } from "@/components/charts/palette";
import { aidCoverage } from "@/components/escalation/coverage";
import { uncoveredKey, uncoveredLegendItem } from "@/components/escalation/escalation-exports";
import { waitForStableDrawing } from "@/components/export/offscreen";
import { loadExportFonts } from "@/components/export/export-fonts";
import type { AidContext } from "@/lib/aid/queries";
import { DEPLOYMENT_STATUSES } from "@/lib/domain/taxonomy";
import type { BriefOptions, BriefWidget } from "@/lib/export/brief-params";
import { groupSourcesByPublisher } from "@/lib/export/sources";
import { monthlyMeans } from "@/lib/export/series";
import { SLIDE_SIZE } from "@/lib/export/sizes";
import type { DashboardFilters } from "@/lib/filters/filter-state";
import { formatDay, formatMonth } from "@/lib/format/dates";
import { formatCount } from "@/lib/format/money";
import type { MetaDto } from "@/lib/meta/queries";
import type { SourceDto } from "@/lib/sources/dto";
import { distinctSources } from "@/lib/sources/dto";
import { AidEscalationFigure } from "@/components/charts/aid-escalation-figure";
import { DeploymentsFigure, STATUS_COLORS } from "@/components/charts/deployments-figure";
import { EscalationHeadlineChart, REFERENCE_COLOR } from "@/components/charts/escalation-headline-chart";
import { KpiStrip } from "./kpi-strip";
import { SlidePanel } from "./slide-panel";
import type { BriefData } from "./use-brief-data";

type Dataset = MetaDto["datasets"][number];

export interface BriefSlideProps {
  options: BriefOptions;
  filters: DashboardFilters;
  /** The dashboard's filter summary (with the dataset), for slides that show aid. */
  aidSummaryLine: string;
  dataset: Dataset | undefined;
  deploymentsTo: string | null;
  generatedOn: string;
  data: BriefData;
}

/** Sources of aid figures: the dataset, the records' own, and the exchange rates used. */
function aidSources(...contexts: (AidContext | undefined)[]): SourceDto[] {
  return distinctSources(contexts.flatMap((c) => (c ? [...c.sources, ...c.fx.rates.flatMap((r) => (r.source ? [r.source] : []))] : [])));
}

/**
 * The briefing slide: 1920 × 1080 CSS pixels, whatever the window (the page
 * scales it to fit), print-safe light theme, no controls. `data-state` turns
 * "ready" once every figure is drawn in its final fonts, for the CLI and tests.
 */
export const BriefSlide = forwardRef<HTMLDivElement, BriefSlideProps>(function BriefSlide(
  { options, filters, aidSummaryLine, dataset, deploymentsTo, generatedOn, data },
  ref,
) {
  const innerRef = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  const widgetKey = options.widgets.join(",");
  const charts = options.widgets.filter((w): w is Exclude<BriefWidget, "kpis"> => w !== "kpis");
  const { reads } = data;
  // Five widgets (or four charts) only fit with tighter type and spacing.
  const dense = charts.length >= 4 || (charts.length === 3 && options.widgets.includes("kpis"));

  useEffect(() => {
    setDrawn(false);
    if (!data.ready || !innerRef.current) return;
    let live = true;
    const el = innerRef.current;
    void loadExportFonts()
      .then(() => waitForStableDrawing(el, 8000, charts.length > 0))
      .then(() => live && setDrawn(true));
    return () => {
      live = false;
    };
    // "Ready" again only after a redraw: whenever the data or the chosen widgets change.
  }, [data.ready, charts.length, widgetKey, reads?.summary, reads?.timeseries, reads?.escalation, reads?.deployments]);

  const showsAid = options.widgets.some((w) => w === "kpis" || w.startsWith("aid"));
  const showsIndex = charts.some((c) => c === "escalation" || c === "aid-escalation");
  const showsDeployments = charts.includes("deployments");
  const range = reads?.range;
  // A slide without aid says what its filters mean for what it does show: the dates.
  const summaryLine = showsAid
    ? aidSummaryLine
    : [
        range ? `${formatMonth(range.from)} – ${formatMonth(range.to)}` : "All dates",
        showsIndex ? "escalation index: all channels, 30-day half-life" : null,
        showsDeployments ? "third-country deployments, all statuses" : null,
      ]
        .filter(Boolean)
        .join(" · ");
  const currency = filters.currency;
  const measure = filters.measure === "allocation" ? "allocations" : "commitments";
  const escalationTo = reads?.eventsTo ?? null;
  const aidOptions = { split: effectiveSplit(filters), currency, measure: filters.measure, selection: aidSummaryLine };

  const sections: { label: string; sources: SourceDto[]; lead?: string }[] = [];
  const aid = aidSources(data.summary.data, data.timeseries.data, data.monthly.data, data.summaryEur.data);
  if (aid.length) sections.push({ label: "Aid", sources: aid });
  if (data.events.data && data.escalation.data) {
    const items = data.events.data.items;
    sections.push({
      label: "Escalation index",
      lead: `${items.length} curated events to ${formatDay(escalationTo!)}, from`,
      sources: distinctSources(items.flatMap((e) => e.sources)),
    });
  }
  if (data.deployments.data) {
    const items = data.deployments.data.items;
    sections.push({ label: "Deployments", lead: `${items.length} reports, from`, sources: distinctSources(items.flatMap((d) => d.sources)) });
  }

  const panel = (w: (typeof charts)[number]): ReactNode => {
    switch (w) {
      case "aid-over-time": {
        const ts = data.timeseries.data;
        const def = ts ? aidOverTimeChart(ts, { ...aidOptions, granularity: filters.granularity, cumulative: filters.cumulative }) : null;
        return (
          <SlidePanel
            key={w}
            id={w}
            title={def?.title ?? "Aid over time"}
            note={def?.notes.join(" · ") ?? ""}
            legend={def?.legend ?? []}
            empty={def?.empty ? `No ${measure} in this selection.` : null}
          >
            {(size) => (def ? <AidOverTimeChart def={def} fontSize={fontFor(charts.length, dense)} {...size} /> : null)}
          </SlidePanel>
        );
      }
      case "aid-by-donor": {
        const s = data.summary.data;
        const def = s ? aidByDonorChart(s, data.summaryEur.data ?? null, { ...filters, selection: aidSummaryLine }) : null;
        return (
          <SlidePanel
            key={w}
            id={w}
            title={def?.mode === "gdp" ? "Aid as a share of donor GDP" : `Aid by donor, top ${filters.top}`}
            note={def?.notes.join(" · ") ?? ""}
            legend={def?.mode === "gdp" ? [] : (def?.legend ?? [])}
            empty={def?.empty ?? null}
          >
            {(size) => (def ? <AidByDonorChart def={def} fontSize={fontFor(charts.length, dense)} {...size} /> : null)}
          </SlidePanel>
        );
      }
      case "escalation": {
        const e = data.escalation.data;
        return (
          <SlidePanel
            key={w}
            id={w}
            title="Escalation index"
            note={
              escalationTo
                ? `Daily, 100 = highest 30-day mean of 2022 · events recorded to ${formatDay(escalationTo)}`
                : "Daily, 100 = highest 30-day mean of 2022"
            }
            legend={[
              { label: "Escalation index (all channels)", color: INDEX_COLOR, shape: "line" },
              { label: "100 = 2022 peak", color: REFERENCE_COLOR, shape: "dash" },
              ...(e ? uncoveredLegendItem(e) : []),
            ]}
            empty={!reads?.escalationRange ? "No curated events in this date range." : null}
          >
            {(size) =>
              e ? (
                <EscalationHeadlineChart points={e.points} domain={e.params} coverageEnd={e.coverageEnd} fontSize={fontFor(charts.length, dense)} {...size} />
              ) : null
            }
          </SlidePanel>
        );
      }
      case "deployments": {
        const d = data.deployments.data;
        const range = reads?.deploymentsRange;
        const pairs = [...new Set((d?.items ?? []).map((x) => `${x.deployingCountry} → ${x.hostCountry}`))];
        const largest = Math.max(0, ...(d?.items ?? []).map((x) => x.personnelHigh ?? x.personnelLow ?? 0));
        return (
          <SlidePanel
            key={w}
            id={w}
            title="Third-country deployments"
            note={`${d?.total ?? 0} reports${pairs.length ? ` (${pairs.join(", ")})` : ""} · dot area: personnel reported${largest ? `, largest ${formatCount(largest)}` : ""}`}
            legend={DEPLOYMENT_STATUSES.filter((s) => d?.items.some((x) => x.status === s)).map((s) => ({
              label: s[0].toUpperCase() + s.slice(1),
              color: STATUS_COLORS[s],
              shape: "dot" as const,
            }))}
            empty={d && d.items.length === 0 ? "No deployments reported in this date range." : null}
          >
            {(size) =>
              d && range ? <DeploymentsFigure items={d.items} from={range.from} to={range.to} fontSize={fontFor(charts.length, dense)} {...size} /> : null
            }
          </SlidePanel>
        );
      }
      case "aid-escalation": {
        const m = data.monthly.data;
        const e = data.escalation.data;
        const joined = m ? aidEscalationRows(m, monthlyMeans(e?.points ?? []), aidOptions.split) : null;
        const rows = joined?.rows ?? [];
        const coverage = aidCoverage(rows, e?.coverageEnd);
        return (
          <SlidePanel
            key={w}
            id={w}
            title="Aid and escalation"
            note={`Aid per month (${currency}, ${measure}, left) · escalation index, monthly mean (right)`}
            legend={[
              ...(joined ? aidEscalationLegend(joined.series, currency, joined.marks) : []).map((l) => ({
                ...l,
                label: l.label.replace(/ aid \(.*\)$/, "").replace(/^Escalation index.*/, "Escalation index"),
              })),
              ...(coverage.uncoveredFrom ? [uncoveredKey(coverage.label)] : []),
            ]}
          >
            {(size) =>
              joined ? (
                <AidEscalationFigure
                  rows={rows}
                  series={joined.series}
                  marks={joined.marks}
                  coverage={coverage}
                  currency={currency}
                  fontSize={fontFor(charts.length, dense)}
                  {...size}
                />
              ) : null
            }
          </SlidePanel>
        );
      }
    }
  };

  const state = data.error ? "error" : drawn ? "ready" : "loading";
  const setRefs = (el: HTMLDivElement | null) => {
    innerRef.current = el;
    if (typeof ref === "function") ref(el);
    else if (ref) ref.current = el;
  };

  return (
    <div
      ref={setRefs}
      className={`brief-slide${dense ? " brief-slide-dense" : ""}`}
      data-testid="brief-slide"
      data-state={state}
      data-error={data.error ? String((data.error as Error).message ?? data.error) : undefined}
      data-widgets={options.widgets.join(",")}
      role="img"
      aria-roledescription="slide"
      aria-label={`${options.title}. ${summaryLine}`}
      style={{ width: SLIDE_SIZE.width, height: SLIDE_SIZE.height }}
    >
      <header className="brief-head">
        <div className="brief-titles">
          <h1 data-testid="brief-title">{options.title}</h1>
          {options.subtitle ? <p className="brief-subtitle">{options.subtitle}</p> : null}
          <p className="brief-summary" data-testid="brief-summary">
            {summaryLine}
          </p>
        </div>
        <dl className="brief-dates">
          {showsAid && dataset?.asOf ? (
            <div>
              <dt>Data as of</dt>
              <dd data-testid="brief-as-of">{formatDay(dataset.asOf)}</dd>
            </div>
          ) : null}
          {showsIndex && escalationTo ? (
            <div>
              <dt>Events to</dt>
              <dd data-testid={showsAid ? undefined : "brief-as-of"}>{formatDay(escalationTo)}</dd>
            </div>
          ) : null}
          {showsDeployments && deploymentsTo && !showsIndex ? (
            <div>
              <dt>Deployments to</dt>
              <dd data-testid={showsAid ? undefined : "brief-as-of"}>{formatDay(deploymentsTo)}</dd>
            </div>
          ) : null}
          <div>
            <dt>Generated</dt>
            <dd data-testid="brief-generated">{formatDay(generatedOn)}</dd>
          </div>
        </dl>
      </header>

      {data.error ? (
        <p className="brief-error" role="alert">
          Could not load this slide’s data: {(data.error as Error).message ?? String(data.error)}
        </p>
      ) : null}

      {options.widgets.includes("kpis") ? (
        <KpiStrip
          summary={data.summary.data}
          previous={data.previousSummary.data}
          previousRange={reads?.previous ?? null}
          recent={data.recentSummary.data}
          recentPrevious={data.recentPreviousSummary.data}
          currency={currency}
          latestMonth={dataset?.coverage.to ?? null}
          datasetLabel={dataset ? `${dataset.name}` : ""}
        />
      ) : null}

      {charts.length ? <div className={`brief-grid brief-grid-${charts.length}`}>{charts.map(panel)}</div> : <div className="brief-grid" />}

      <footer className="brief-foot" data-testid="brief-sources">
        <p>
          <strong>Sources.</strong>{" "}
          {sections.length === 0
            ? "No figures in this selection."
            : sections.map((s, i) => (
                <span key={s.label}>
                  {i > 0 ? " " : ""}
                  <em>{s.label}:</em> {s.lead ? `${s.lead} ` : ""}
                  {slideSources(s.sources)}.
                </span>
              ))}
        </p>
        <p className="brief-credit">Aid &amp; Escalation Monitor</p>
      </footer>
    </div>
  );
});

/** Every publisher behind a section, with its releases; without document counts, which a slide has no room for. */
function slideSources(sources: SourceDto[]): string {
  return groupSourcesByPublisher(sources)
    .map((g) => (g.labels.length ? `${g.publisher}, ${g.labels.join(", ")}` : g.publisher))
    .join("; ");
}

/** Type shrinks a little as more charts share the slide. */
function fontFor(charts: number, dense: boolean): number {
  return dense ? 15 : charts <= 2 ? 20 : 18;
}
