"use client";

import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { downloadBlob } from "@/components/export/download";
import { dayTime } from "@/components/escalation/time-axis";
import { useElementWidth } from "@/components/escalation/use-element-width";
import type { EscalationViewState } from "@/components/escalation/use-escalation-view";
import { dailyValues, dayRows, halfLifeMean, KINETIC_LABELS, KINETIC_SERIES, type KineticMeasure, type KineticSeries } from "@/lib/conflict/kinetic";
import { kineticCsv } from "@/lib/conflict/kinetic-csv";
import { BeforeAfterControls, computeBeforeAfter, type CuratedMarker } from "./before-after";
import { DayEvents } from "./day-events";
import { conflictDailyQuery, conflictQs, conflictRegionsQuery } from "./conflict-queries";
import { KineticChart, SERIES_COLOURS, type KineticPoint } from "./kinetic-chart";
import { RegionsTable } from "./regions-table";

/** The part of the view's range the dataset covers, or null when they do not meet. */
function clampSpan(range: { from: string; to: string }, first: string | null, last: string | null): { from: string; to: string } | null {
  if (!first || !last) return null;
  const from = first > range.from ? first : range.from;
  const to = last < range.to ? last : range.to;
  return from <= to ? { from, to } : null;
}

/** The curated event analysts ask about first, when it is in range. */
const DEFAULT_EVENT_DATE = "2024-11-17";
const n = (x: number) => x.toLocaleString("en-GB");
const SELECT_STYLE = { border: "1px solid var(--line)", borderRadius: 6, padding: "4px 8px", fontSize: 13, background: "#fff" } as const;

/**
 * The kinetic channel: daily conflict events or fatalities from an imported
 * ACLED or UCDP GED export, on the index's time range and smoothed with the
 * index's half-life, with the curated events marked. Its own panel: it is
 * never added into the index's value.
 */
export function KineticPanel({ view }: { view: EscalationViewState }) {
  const range = view.series.data?.params;
  const halfLife = view.params.halfLife;
  const curated: CuratedMarker[] = useMemo(() => (view.series.data?.events ?? []).map((e) => ({ id: e.id, date: e.date, title: e.title })), [view.series.data]);
  const [dataset, setDataset] = useState<string | null>(null);
  const [measure, setMeasure] = useState<KineticMeasure>("events");
  const [series, setSeries] = useState<KineticSeries[]>(["all", "strikes", "battles", "crossBorder"]);
  const [eventId, setEventId] = useState<string | null>(null);
  const [windowDays, setWindowDays] = useState(30);
  const [ref, width] = useElementWidth<HTMLDivElement>();

  const qs = conflictQs({ from: range?.from, to: range?.to, dataset });
  const daily = useQuery({ ...conflictDailyQuery(qs), enabled: !!range, placeholderData: keepPreviousData });
  const regions = useQuery({ ...conflictRegionsQuery(qs), enabled: !!range && !!daily.data?.dataset, placeholderData: keepPreviousData });
  const data = daily.data;
  const days = useMemo(() => (data ? dayRows(data.days) : []), [data]);

  // Only the dataset's own span is drawn: before its first and after its last day there is no data, not zero events.
  const span = data?.dataset && range ? clampSpan(range, data.dataset.firstDay, data.dataset.lastDay) : null;
  const points: KineticPoint[] = useMemo(() => {
    if (!data?.dataset || !range || !span) return [];
    const cols = series.map((s) =>
      halfLifeMean(
        dailyValues(days, span.from, span.to, s, measure).map((d) => d.value),
        halfLife,
      ),
    );
    const out: KineticPoint[] = [];
    for (let i = 0, ms = dayTime(span.from); ms <= dayTime(span.to); i++, ms += 86_400_000) {
      const p: KineticPoint = { t: ms, date: new Date(ms).toISOString().slice(0, 10) };
      series.forEach((s, k) => (p[s] = cols[k][i]));
      out.push(p);
    }
    return out;
  }, [data, days, range, span?.from, span?.to, series, measure, halfLife]); // eslint-disable-line react-hooks/exhaustive-deps

  const chosen = curated.find((e) => e.id === eventId) ?? curated.find((e) => e.date === DEFAULT_EVENT_DATE) ?? curated[0] ?? null;
  const comparison =
    data?.dataset && range && days.length
      ? computeBeforeAfter(days, chosen, {
          windowDays,
          dataFrom: data.dataset.firstDay ?? days[0].date,
          dataTo: data.dataset.lastDay ?? days[days.length - 1].date,
          series: series[0] ?? "all",
          measure,
        })
      : null;

  if (!range) return null;
  if (data && !data.dataset) {
    return (
      <section className="panel" aria-labelledby="kinetic-heading" data-testid="kinetic-panel" data-state="empty">
        <h2 id="kinetic-heading" style={{ marginTop: 0, fontSize: 18 }}>
          Battlefield intensity (kinetic channel)
        </h2>
        <p data-testid="kinetic-empty">
          No conflict-event data imported. The app ships none: ACLED&apos;s terms forbid redistribution and UCDP GED is the analyst&apos;s to choose. Import an
          ACLED export or a UCDP GED CSV on the <Link href="/imports">Imports page</Link> or with{" "}
          <code>npm run import:events -- &lt;file.csv&gt; --format acled|ucdp</code>; daily events and fatalities then appear here, beside the index.
        </p>
      </section>
    );
  }
  const ds = data?.dataset;
  const toggle = (s: KineticSeries) =>
    setSeries((cur) => (cur.includes(s) ? cur.filter((x) => x !== s) : KINETIC_SERIES.filter((x) => x === s || cur.includes(x))));
  const exportCsv = () => {
    if (!data?.dataset) return;
    const csv = kineticCsv({
      days,
      from: span?.from ?? range.from,
      to: span?.to ?? range.to,
      series,
      measure,
      halfLifeDays: halfLife,
      dataset: data.dataset,
      caveat: data.caveat,
      impreciseEvents: data.totals.impreciseEvents,
      beforeAfter: comparison ? `${chosen?.date} ${chosen?.title}: ${comparison.text}` : null,
    });
    downloadBlob(new Blob([csv], { type: "text/csv" }), `kinetic-${data.dataset.id}-${range.from}-${range.to}.csv`);
  };

  return (
    <section
      className="panel"
      aria-labelledby="kinetic-heading"
      data-testid="kinetic-panel"
      data-state={ds ? "ready" : "loading"}
      style={{ display: "grid", gap: 12 }}
    >
      <div style={{ display: "flex", justifyContent: "space-between", gap: 12, flexWrap: "wrap", alignItems: "baseline" }}>
        <div>
          <h2 id="kinetic-heading" style={{ margin: 0, fontSize: 18 }}>
            Battlefield intensity (kinetic channel)
          </h2>
          <p className="muted" style={{ margin: "4px 0 0" }}>
            {ds
              ? `${ds.name} · ${measure === "events" ? "events" : "reported fatalities"} per day, half-life mean (${halfLife} days) · same dates as the index · not part of the index's value`
              : "Loading…"}
          </p>
        </div>
        <div style={{ display: "flex", gap: 8, flexWrap: "wrap", alignItems: "center" }}>
          {data && data.available.length > 1 && (
            <select value={ds?.id ?? ""} onChange={(e) => setDataset(e.target.value)} aria-label="Dataset" data-testid="kinetic-dataset" style={SELECT_STYLE}>
              {data.available.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
          <select
            value={measure}
            onChange={(e) => setMeasure(e.target.value as KineticMeasure)}
            aria-label="Measure"
            data-testid="kinetic-measure"
            style={SELECT_STYLE}
          >
            <option value="events">Events</option>
            <option value="fatalities">Fatalities (reported estimates)</option>
          </select>
          <button type="button" className="btn btn-small" onClick={exportCsv} disabled={!ds} data-testid="kinetic-export-csv">
            Download CSV
          </button>
        </div>
      </div>
      <div style={{ display: "flex", gap: 14, flexWrap: "wrap" }} role="group" aria-label="Series">
        {KINETIC_SERIES.map((s) => (
          <label key={s} style={{ display: "flex", gap: 6, alignItems: "center", fontSize: 13 }}>
            <input type="checkbox" checked={series.includes(s)} onChange={() => toggle(s)} />
            <span style={{ width: 14, height: 3, background: SERIES_COLOURS[s], display: "inline-block" }} />
            {KINETIC_LABELS[s]}
          </label>
        ))}
      </div>
      <div ref={ref} data-testid="kinetic-chart" style={{ minHeight: 260 }}>
        {ds && width > 0 && (
          <KineticChart
            points={points}
            series={series}
            from={range.from}
            to={range.to}
            width={width}
            height={260}
            markers={curated}
            highlight={chosen?.id ?? null}
          />
        )}
      </div>
      {data && ds && (
        <p className="sources" data-testid="kinetic-citation">
          Data: {ds.citation} Licence: {ds.licence} File {ds.fileName}, imported {ds.importedAt.slice(0, 10)}. {data.caveat} In this range:{" "}
          {n(data.totals.events)} events, {n(data.totals.fatalities)} reported fatalities; {n(data.totals.impreciseEvents)} events have imprecise dates (counted
          on the day the dataset gives). The dataset covers {ds.firstDay ?? "–"} – {ds.lastDay ?? "–"}; outside that the line stops (no data, not zero).
          Strikes: ACLED Explosions/Remote violence{ds.id === "ucdp" ? "; UCDP state-based violence" : ""}; cross-border: located in Russia with a Ukrainian
          actor. Dashed lines: curated escalation events.
        </p>
      )}
      {ds && (
        <BeforeAfterControls
          events={curated}
          eventId={chosen?.id ?? null}
          windowDays={windowDays}
          onEvent={setEventId}
          onWindow={setWindowDays}
          text={comparison ? comparison.text : null}
        />
      )}
      {ds && chosen && <DayEvents date={chosen.date} dataset={ds.id} />}
      {regions.data?.dataset && <RegionsTable data={regions.data} />}
    </section>
  );
}
