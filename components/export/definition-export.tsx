import type { ReactNode } from "react";
import type { ChartDefinition } from "@/lib/charts/types";
import type { Size } from "@/lib/export/sizes";
import type { ChartExportSpec } from "./types";

/** Type size of exported charts at the 1200 px canonical width. */
export const EXPORT_FONT = 15;

/** The export of a chart definition: its own legend, sources and CSV, drawn by `draw` at the image's chart box. */
export function definitionExport<Row>(
  def: ChartDefinition<Row>,
  draw: (box: Size) => ReactNode,
  options: Pick<ChartExportSpec, "fitHeight"> = {},
): ChartExportSpec {
  return {
    kind: def.kind,
    name: def.id,
    title: def.title,
    summary: def.subtitle,
    legend: def.legend,
    sources: def.sources,
    figure: draw,
    csv: def.csv,
    ...options,
  };
}
