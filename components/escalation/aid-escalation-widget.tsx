"use client";

import { useMemo } from "react";
import { ChartFrame } from "@/components/charts/chart-frame";
import { INDEX_COLOR } from "@/components/charts/palette";
import { SourcesLine } from "@/components/charts/sources-line";
import { canvasMeasure, loadExportFonts } from "@/components/export/export-fonts";
import { fxNote } from "@/lib/charts/fx-note";
import { EmptyState, ErrorState, Skeleton } from "@/components/layout/feedback";
import { aidEscalationRows } from "@/lib/charts/aid-escalation";
import { effectiveSplit } from "@/lib/charts/split";
import { AidEscalationChart, AidEscalationTable } from "./aid-escalation-chart";
import { EXPORT_ZOOM, aidEscalationExportSpec } from "./escalation-exports";
import { monthlyMeans } from "./escalation-series";
import { UncoveredNote } from "./uncovered-note";
import { useElementWidth } from "./use-element-width";
import type { EscalationViewState } from "./use-escalation-view";

/**
 * Aid and escalation on one time axis. The index enters as the mean of its
 * daily values in each month (not the month-end value), so a month's line
 * point reflects the whole month, like its aid bar.
 */
export function AidEscalationWidget({ view }: { view: EscalationViewState }) {
  const { aid, series, dash, params, filterState } = view;
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const currency = dash.filters.currency;
  const split = effectiveSplit(dash.filters);
  const {
    rows,
    series: aidSeries,
    marks,
  } = useMemo(
    () =>
      aid.data && series.data ? aidEscalationRows(aid.data, monthlyMeans(series.data.points), split) : { rows: [], series: [], marks: "stacked-bars" as const },
    [aid.data, series.data, split],
  );
  const height = width < 600 ? 260 : 320;
  const noAid = rows.every((r) => !r.aid);
  const measure = dash.filters.measure === "allocation" ? "allocations" : "commitments";
  const failed = aid.error ?? series.error;
  const aidRange = aid.data?.points.length ? `${aid.data.points[0].period} to ${aid.data.points.at(-1)!.period}` : "no months";
  const subtitle = `${dash.summary} · index: monthly mean of the daily values, half-life ${params.halfLife} days`;
  const aidData = aid.data;
  const seriesData = series.data;
  const exportSpec =
    aidData && seriesData
      ? async () => {
          await loadExportFonts();
          return aidEscalationExportSpec({
            rows,
            aidSeries,
            marks,
            currency,
            aid: aidData,
            series: seriesData,
            selection: subtitle,
            fxNote: fxNote(aidData.fx.rates),
            aidRange,
            measure: canvasMeasure,
            // Drawn to fill the image's chart box (the screen's drawing is taller than the box allows).
            figure: (box) => (
              <AidEscalationChart
                rows={rows}
                series={aidSeries}
                marks={marks}
                currency={currency}
                width={Math.round(box.width / EXPORT_ZOOM)}
                height={Math.round(box.height / EXPORT_ZOOM)}
                aidSource={aidData.dataset.name}
                halfLife={seriesData.params.halfLifeDays}
                coverageEnd={seriesData.coverageEnd}
              />
            ),
          });
        }
      : undefined;

  return (
    <ChartFrame
      testId="aid-escalation"
      title="Aid and escalation on one time axis"
      subtitle={subtitle}
      exportSpec={exportSpec}
      tools={
        <div className="seg" role="group" aria-label="Split">
          {(["category", "donor"] as const).map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={split === s}
              onClick={() => filterState.update({ split: s })}
              title={s === "donor" ? "One series per donor (up to 10)" : "Stacked by category"}
            >
              {s === "category" ? "By category" : "By donor"}
            </button>
          ))}
        </div>
      }
      fetching={(aid.isFetching && !aid.isPending) || (series.isFetching && !series.isPending)}
      table={rows.length ? <AidEscalationTable rows={rows} currency={currency} /> : null}
      footer={
        aid.data && series.data ? (
          <SourcesLine
            sources={aid.data.sources}
            datasetName={aid.data.dataset.name}
            asOf={aid.data.dataset.asOf}
            extra={[
              `Aid months covered: ${aidRange}; months outside show no bar (no data, not zero)`,
              `Escalation index: ${series.data.eventCount} curated events, monthly mean of the daily index`,
              fxNote(aid.data.fx.rates),
            ]
              .filter(Boolean)
              .join(" · ")}
          />
        ) : null
      }
    >
      <div ref={ref} className="esc-chart" data-testid="aid-escalation-chart" data-months={rows.length} data-coverage-end={series.data?.coverageEnd ?? ""}>
        {failed && !(aid.data && series.data) ? (
          <ErrorState error={failed} onRetry={() => (aid.error ? aid.refetch() : series.refetch())} />
        ) : !(aid.data && series.data) || width === 0 ? (
          <Skeleton height={height} label="aid and escalation" />
        ) : (
          <>
            {noAid && <EmptyState>No aid {measure} in this selection; the index is drawn alone.</EmptyState>}
            <AidEscalationChart
              rows={rows}
              series={aidSeries}
              marks={marks}
              currency={currency}
              width={width}
              height={height}
              aidSource={aid.data.dataset.name}
              halfLife={series.data.params.halfLifeDays}
              coverageEnd={series.data.coverageEnd}
            />
          </>
        )}
      </div>
      <ul className="legend esc-legend" aria-label="Legend">
        {aidSeries.map((s) => (
          <li key={s.key}>
            <span className="swatch" style={marks === "lines" ? { background: s.color, height: 3, width: 14, verticalAlign: 3 } : { background: s.color }} />
            {s.label} aid ({currency}, left axis)
          </li>
        ))}
        <li>
          <span className="line-swatch" style={{ background: INDEX_COLOR, height: 3 }} />
          Escalation index, monthly mean (right axis)
        </li>
      </ul>
      {series.data && (
        <UncoveredNote
          domain={series.data.params}
          coverageEnd={series.data.coverageEnd}
          what="curated events"
          meaning="the dashed index there is only the decay of earlier events, not calm"
        />
      )}
    </ChartFrame>
  );
}
