import type { LegendItem } from "@/lib/export/compose-chart-svg";
import type { ExportKind } from "@/lib/export/sizes";

/** One drawn series: the row key it reads, its legend label and colour. */
export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

/**
 * Everything a chart shows, computed once from the API data and the view's
 * options, with no React in it: the screen, the export (PNG, SVG, CSV) and the
 * briefing slide draw and describe the same definition.
 */
export interface ChartDefinition<Row> {
  /** Test id, export file-name stem and slide widget id. */
  id: string;
  /** The canonical export size (lib/export/sizes). */
  kind: ExportKind;
  title: string;
  /** The filter summary line. */
  subtitle: string;
  rows: Row[];
  series: ChartSeries[];
  legend: LegendItem[];
  /** What the axes measure, in a few words (the slide's panel note). */
  notes: string[];
  /** The full sources line: dataset, as-of date, every source, notes on conversion. */
  sources: string;
  /** The rows as CSV with their sources on every row. */
  csv: () => string;
  /** Why nothing is drawn, when nothing is. */
  empty: string | null;
}
