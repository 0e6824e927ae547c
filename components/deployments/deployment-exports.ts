import type { ChartExportSpec } from "@/components/export/types";
import type { DeploymentDto } from "@/lib/deployments/queries";
import { DEPLOYMENT_STATUSES } from "@/lib/domain/taxonomy";
import { EXPORT_STYLE, type LegendItem, type MeasureText } from "@/lib/export/compose-chart-svg";
import { fitSourcesLine } from "@/lib/export/fit-sources";
import { rowSourcedCsv } from "@/lib/export/row-sources-csv";
import { EXPORT_SIZES, type ExportKind } from "@/lib/export/sizes";
import { distinctSources } from "@/lib/sources/dto";
import { countryName, forceLabel } from "./labels";
import { PERSONNEL_COLOR } from "./personnel-chart";
import type { PersonnelRow } from "./personnel-series";
import { STATUS_STYLE } from "./status-style";

const DATASET = "Curated deployment reports";

const footerWidth = (kind: ExportKind) => EXPORT_SIZES[kind].width - 2 * EXPORT_STYLE.padding;

const rangeText = (from: string | null, to: string | null) => (from && to ? `${from} to ${to}` : from ? `from ${from}` : to ? `to ${to}` : "all dates");

/**
 * The status key, as on screen (components/deployments/status-style): the
 * image's legend has no hollow circle or cross, so the label says the shape.
 */
export function statusLegend(): LegendItem[] {
  const shape: Record<(typeof DEPLOYMENT_STATUSES)[number], string> = {
    reported: "hollow circle",
    confirmed: "dot",
    acknowledged: "square",
    denied: "cross",
  };
  return DEPLOYMENT_STATUSES.map((s) => ({
    label: `${STATUS_STYLE[s].label} (${shape[s]}): ${STATUS_STYLE[s].description}`,
    color: STATUS_STYLE[s].color,
    shape: s === "acknowledged" ? "square" : s === "denied" ? "dash" : "dot",
  }));
}

const deploymentColumns = [
  "id",
  "date",
  "deploying_country",
  "deploying_country_name",
  "host_country",
  "host_country_name",
  "location",
  "force_type",
  "personnel_low",
  "personnel_high",
  "status",
  "notes",
];

const deploymentRow = (d: DeploymentDto) => ({
  values: {
    id: d.id,
    date: d.date,
    deploying_country: d.deployingCountry,
    deploying_country_name: countryName(d.deployingCountry),
    host_country: d.hostCountry,
    host_country_name: countryName(d.hostCountry),
    location: d.location,
    force_type: d.forceType,
    personnel_low: d.personnelLow,
    personnel_high: d.personnelHigh,
    status: d.status,
    notes: d.notes,
  },
  sources: d.sources,
});

/** The timeline: one dot per report; the CSV has one row per report with its own sources. */
export function timelineExportSpec({
  items,
  domain,
  selection,
  measure,
  figure,
}: {
  items: DeploymentDto[];
  domain: { from: string; to: string };
  selection: string;
  measure?: MeasureText;
  /** The timeline drawn at a given width (its height follows from its rows). */
  figure: ChartExportSpec["figure"];
}): ChartExportSpec {
  const kind: ExportKind = "timeline";
  const countries = [...new Set(items.map((d) => d.deployingCountry))].map(countryName);
  const leads = [
    `Data: ${DATASET}, ${items.length} reports from ${domain.from} to ${domain.to} (${countries.join(", ")}); one dot per report, status as the report gives it`,
    `Data: ${DATASET}, ${items.length} reports, ${domain.from} to ${domain.to}`,
  ];
  return {
    kind,
    name: "deployment-timeline",
    legend: statusLegend(),
    figure,
    fitHeight: { zoom: 1.25 },
    sources: fitSourcesLine({ leads, sections: [{ sources: distinctSources(items.flatMap((d) => d.sources)) }], width: footerWidth(kind), measure }).text,
    csv: () => rowSourcedCsv({ columns: deploymentColumns, rows: items.map(deploymentRow), selection, dataset: DATASET }),
  };
}

export function personnelLegend(): LegendItem[] {
  return [
    { label: "Low–high range (reports giving both figures)", color: PERSONNEL_COLOR, shape: "square" },
    // The triangles are in the labels, as on screen: blank swatches, not dots that appear nowhere in the chart.
    { label: "▲ at least (lower bound only)", color: "#ffffff", shape: "square" },
    { label: "▽ up to (upper bound only)", color: "#ffffff", shape: "square" },
  ];
}

/** The personnel band for one deploying country: one CSV row per report with a figure, with its own sources. */
export function personnelExportSpec({
  rows,
  items,
  country,
  range,
  selection,
  measure,
  figure,
}: {
  rows: PersonnelRow[];
  items: DeploymentDto[];
  country: string;
  range: { from: string | null; to: string | null };
  selection: string;
  measure?: MeasureText;
  figure: ChartExportSpec["figure"];
}): ChartExportSpec {
  const kind: ExportKind = "timeseries";
  const byId = new Map(items.map((d) => [d.id, d]));
  const shown = rows.flatMap((r) => (byId.has(r.id) ? [byId.get(r.id)!] : []));
  const leads = [
    `Data: ${DATASET} (${rangeText(range.from, range.to)}), ${rows.length} reports from ${countryName(country)} giving a figure for combat troops (troops, special forces, officers); each mark is one report's figure, figures are not added up`,
    `Data: ${DATASET}, ${rows.length} reports with a personnel figure; figures are not added up`,
  ];
  return {
    kind,
    name: `deployment-personnel-${countryName(country)}`,
    legend: personnelLegend(),
    figure,
    fitHeight: { zoom: 1.25 },
    sources: fitSourcesLine({ leads, sections: [{ sources: distinctSources(shown.flatMap((d) => d.sources)) }], width: footerWidth(kind), measure }).text,
    csv: () =>
      rowSourcedCsv({
        columns: ["date", "low", "high", "bound", "status", "deploying_country", "host_country", "location", "force_type", "id"],
        rows: rows.map((r) => {
          const d = byId.get(r.id);
          return {
            values: {
              date: r.date,
              low: r.low,
              high: r.high,
              bound: r.range ? "range" : r.lowOnly !== null ? "at least" : "up to",
              status: r.status,
              deploying_country: country,
              host_country: d?.hostCountry,
              location: d?.location,
              force_type: forceLabel(r.forceType),
              id: r.id,
            },
            sources: d?.sources ?? [],
          };
        }),
        selection,
        dataset: DATASET,
      }),
  };
}
