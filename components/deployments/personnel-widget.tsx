"use client";

import { useMemo, useState } from "react";
import { ChartFrame } from "@/components/charts/chart-frame";
import { SourcesLine } from "@/components/charts/sources-line";
import { canvasMeasure, loadExportFonts } from "@/components/export/export-fonts";
import { EmptyState } from "@/components/layout/feedback";
import { addDaysIso } from "@/components/escalation/time-axis";
import { useElementWidth } from "@/components/escalation/use-element-width";
import type { DeploymentDto } from "@/lib/deployments/queries";
import { formatDay } from "@/lib/format/dates";
import { distinctSources } from "@/lib/sources/dto";
import { personnelExportSpec } from "./deployment-exports";
import { countryName, forceLabel, personnelText } from "./labels";
import { PERSONNEL_COLOR, PersonnelChart } from "./personnel-chart";
import { UncoveredNote } from "@/components/escalation/uncovered-note";
import { COMBAT_FORCE_TYPES, countriesWithFigures, personnelRows, type PersonnelRow } from "./personnel-series";

export function PersonnelWidget({
  items,
  range,
  fetching,
  lastReport,
}: {
  items: DeploymentDto[];
  range: { from: string | null; to: string | null };
  fetching: boolean;
  lastReport: string | null;
}) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const countries = useMemo(() => countriesWithFigures(items), [items]);
  const [picked, setPicked] = useState<string | null>(null);
  const country = picked && countries.includes(picked) ? picked : (countries[0] ?? null);
  const rows = useMemo(() => (country ? personnelRows(items, country) : []), [items, country]);
  const others = items.filter(
    (d) => d.deployingCountry === country && !COMBAT_FORCE_TYPES.includes(d.forceType) && (d.personnelLow !== null || d.personnelHigh !== null),
  );
  // The band's own span unless the page names a range: the reports cluster in a few weeks.
  const from = range.from ?? (rows.length ? addDaysIso(rows[0].date, -14) : null);
  const to = range.to ?? (rows.length ? addDaysIso(rows[rows.length - 1].date, 14) : null);

  const subtitle = `Combat troops (troops, special forces, officers) · ${rows.length} reports with a figure${from && to ? ` · ${formatDay(from)} – ${formatDay(to)}` : ""}`;
  const exportSpec = country
    ? async () => {
        await loadExportFonts();
        return personnelExportSpec({
          rows,
          items,
          country,
          range,
          selection: subtitle,
          measure: canvasMeasure,
          figure: (box) => (from && to ? <PersonnelChart rows={rows} from={from} to={to} width={box.width} height={280} lastReport={lastReport} /> : null),
        });
      }
    : undefined;

  return (
    <ChartFrame
      testId="deployment-personnel"
      title={`Estimated personnel${country ? `: ${countryName(country)}` : ""}`}
      subtitle={subtitle}
      exportSpec={exportSpec}
      fetching={fetching}
      tools={
        countries.length > 1 ? (
          <div className="seg" role="group" aria-label="Deploying country">
            {countries.map((c) => (
              <button key={c} type="button" aria-pressed={c === country} onClick={() => setPicked(c)}>
                {countryName(c)}
              </button>
            ))}
          </div>
        ) : null
      }
      table={<PersonnelTable rows={rows} />}
      footer={
        <SourcesLine
          sources={distinctSources(items.filter((d) => rows.some((r) => r.id === d.id)).flatMap((d) => d.sources))}
          datasetName="Curated deployment reports"
        />
      }
    >
      <div
        ref={ref}
        className="esc-chart"
        data-testid="personnel-chart"
        data-band-points={rows.filter((r) => r.range).length}
        data-bound-points={rows.filter((r) => !r.range).length}
      >
        {rows.length === 0 || !from || !to ? (
          <EmptyState>No report in this range gives a personnel figure for combat troops.</EmptyState>
        ) : width > 0 ? (
          <PersonnelChart rows={rows} from={from} to={to} width={width} height={width < 600 ? 240 : 280} lastReport={lastReport} />
        ) : null}
      </div>
      <ul className="legend esc-legend" aria-label="Legend">
        <li>
          <span className="swatch" style={{ background: PERSONNEL_COLOR, opacity: 0.45 }} />
          Low–high range (reports giving both figures)
        </li>
        <li>▲ at least (lower bound only)</li>
        <li>▽ up to (upper bound only)</li>
      </ul>
      {from && to && (
        <UncoveredNote domain={{ from, to }} coverageEnd={lastReport} what="deployment reports" meaning="the chart says nothing about those days" />
      )}
      <p className="note">
        Each mark is one report’s figure for the contingent it describes; figures are not added up. The band joins reports that give both a low and a high
        figure and says nothing about the days between them. Reports without figures (casualty updates, acknowledgements) are on the timeline only.
        {others.length > 0 &&
          ` Separate contingents are left out of the band: ${others.map((d) => `${forceLabel(d.forceType).toLowerCase()} ${personnelText(d.personnelLow, d.personnelHigh)} (${formatDay(d.date)})`).join("; ")}.`}
      </p>
    </ChartFrame>
  );
}

function PersonnelTable({ rows }: { rows: PersonnelRow[] }) {
  return (
    <table className="data">
      <caption className="visually-hidden">Personnel figures per report</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Force type</th>
          <th scope="col" className="num">
            Low
          </th>
          <th scope="col" className="num">
            High
          </th>
          <th scope="col">Status</th>
          <th scope="col">Sources</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">{formatDay(r.date)}</th>
            <td>{forceLabel(r.forceType)}</td>
            <td className="num">{r.low ?? "–"}</td>
            <td className="num">{r.high ?? "–"}</td>
            <td>{r.status}</td>
            <td>{r.publishers.join("; ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
