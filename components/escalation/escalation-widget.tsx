"use client";

import Link from "next/link";
import { useMemo } from "react";
import { ChartFrame } from "@/components/charts/chart-frame";
import { SourcesLine } from "@/components/charts/sources-line";
import { canvasMeasure, loadExportFonts } from "@/components/export/export-fonts";
import { WidgetState } from "@/components/dashboard/widget-state";
import { Skeleton } from "@/components/layout/feedback";
import { CHANNEL_LABELS } from "@/lib/domain/taxonomy";
import { formatDay } from "@/lib/format/dates";
import type { EscalationSeriesDto } from "@/lib/query-keys";
import { distinctSources } from "@/lib/sources/dto";
import { EscalationChart, EscalationFigure } from "./escalation-chart";
import { EXPORT_ZOOM, escalationExportSpec } from "./escalation-exports";
import { EscalationLegend } from "./escalation-legend";
import { UncoveredNote } from "./uncovered-note";
import { activeChannels } from "./escalation-series";
import { EscalationTable } from "./escalation-table";
import type { PanelEvent, Selection } from "./types";
import { useElementWidth } from "./use-element-width";
import type { EscalationViewState } from "./use-escalation-view";

/** Only the selected channels' events are marked: the others do not move the line. */
function visibleData(data: EscalationSeriesDto): EscalationSeriesDto {
  const channels = data.params.channels;
  return { ...data, events: data.events.filter((e) => channels.includes(e.channel)) };
}

export function EscalationWidget({
  view,
  selection,
  preview,
  onPreview,
  onSelect,
}: {
  view: EscalationViewState;
  selection: Selection | null;
  preview: PanelEvent | null;
  onPreview: (e: PanelEvent | null) => void;
  onSelect: (s: Selection | null) => void;
}) {
  const { series, params } = view;
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const data = useMemo(() => (series.data ? visibleData(series.data) : undefined), [series.data]);
  const channels = activeChannels(params.subindex);
  const height = width < 600 ? 240 : 320;
  const sources = useMemo(() => distinctSources(data?.events.flatMap((e) => e.sources) ?? []), [data]);

  const pickEvent = (id: string) => {
    const event = data?.events.find((e) => e.id === id);
    if (event) onSelect({ kind: "event", event });
  };
  const pickDay = (date: string) => onSelect({ kind: "day", date });
  const subtitle = data
    ? `${formatDay(data.params.from)} – ${formatDay(data.params.to)} · half-life ${data.params.halfLifeDays} days · ${
        params.subindex.length ? params.subindex.map((c) => CHANNEL_LABELS[c]).join(" + ") : "all sub-indices"
      } · 2022 peak (30-day mean) = 100`
    : undefined;
  const pinnedEventId = selection?.kind === "event" ? selection.event.id : null;
  // Built when asked for, from the data on screen: the key, the full sources line (fitted with the export font) and the daily CSV.
  const exportSpec = data
    ? async () => {
        await loadExportFonts();
        return escalationExportSpec({
          data,
          channels,
          selection: subtitle ?? "",
          measure: canvasMeasure,
          // Drawn to the image's chart box (the screen's drawing is too tall for it once the key
          // takes its rows), at 1/ZOOM and scaled up so its type reads at the image's size.
          figure: (box) => (
            <EscalationFigure data={data} channels={channels} width={Math.round(box.width / EXPORT_ZOOM)} height={Math.round(box.height / EXPORT_ZOOM)} />
          ),
        });
      }
    : undefined;
  const markedDate = preview?.date ?? (selection?.kind === "event" ? selection.event.date : selection?.date) ?? null;

  return (
    <ChartFrame
      testId="escalation-index"
      title="Escalation index, daily"
      subtitle={subtitle}
      fetching={series.isFetching && !series.isPending}
      exportSpec={exportSpec}
      table={data ? <EscalationTable data={data} channels={channels} onDayPick={pickDay} /> : null}
      footer={
        data ? (
          <SourcesLine
            sources={sources}
            datasetName={`${data.events.length} curated events in this range (${data.eventCount} in all)`}
            extra={`Scale: ${data.scale.reference}. Events before the range still count, fading with the half-life.`}
          />
        ) : null
      }
    >
      <div
        ref={ref}
        className="esc-chart"
        data-testid="escalation-chart"
        data-half-life={data?.params.halfLifeDays}
        data-channels={data?.params.channels.join(",")}
        data-points={data?.points.length}
        data-last-value={data?.points.at(-1)?.value}
        data-coverage-end={data?.coverageEnd ?? ""}
      >
        <WidgetState query={series} height={height + 40} label="escalation index">
          {() =>
            data && width > 0 ? (
              <EscalationChart
                data={data}
                channels={channels}
                width={width}
                height={height}
                activeEventId={preview?.id ?? pinnedEventId}
                pinnedEventId={pinnedEventId}
                markedDate={markedDate}
                onEventHover={(id) => onPreview(id ? (data.events.find((e) => e.id === id) ?? null) : null)}
                onEventPick={pickEvent}
                onDayPick={pickDay}
              />
            ) : (
              <Skeleton height={height + 40} label="escalation index" />
            )
          }
        </WidgetState>
      </div>
      <EscalationLegend channels={channels} showLines={channels.length > 1} />
      {data && (
        <UncoveredNote
          domain={data.params}
          coverageEnd={data.coverageEnd}
          what="curated events"
          meaning="the dashed line there is only the decay of earlier events, not calm"
        />
      )}
      <p className="muted small">
        Markers above the chart are the curated events (Tab to reach them, arrow keys to move). <Link href="/method">How this index is computed</Link>
      </p>
    </ChartFrame>
  );
}
