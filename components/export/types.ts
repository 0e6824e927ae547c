import type { ReactNode } from "react";
import type { LegendItem } from "@/lib/export/compose-chart-svg";
import type { ExportKind, Size } from "@/lib/export/sizes";

/**
 * What a chart needs to be exported as a finished image and as data, built
 * from its definition (lib/charts). A ChartFrame takes one as `exportSpec`.
 */
export interface ChartExportSpec {
  /** Sets the canonical image size (lib/export/sizes). */
  kind: ExportKind;
  /** File name stem; defaults to the title. */
  name?: string;
  /** Defaults to the frame's title and subtitle (the filter summary). */
  title?: string;
  summary?: string;
  legend?: LegendItem[];
  /** The full sources line: dataset, as-of date and every source, with notes. */
  sources: string;
  /** The chart drawn at the given size for the image. */
  figure: (box: Size) => ReactNode;
  /**
   * For charts whose height follows from their content (timelines): drawn `zoom`
   * times narrower than the image's chart box and scaled up, the image's height
   * fitted to the drawing.
   */
  fitHeight?: { zoom: number };
  /** The data the chart shows, with source columns. */
  csv: () => string;
}

export type ChartExportSpecSource = ChartExportSpec | (() => Promise<ChartExportSpec | null>);
