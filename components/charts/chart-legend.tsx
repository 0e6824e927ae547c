import type { LegendItem } from "@/lib/export/compose-chart-svg";

/** A definition's legend on screen (the export draws the same items into its image). */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  if (!items.length) return null;
  return (
    <ul className="legend" aria-label="Legend" data-testid="chart-legend" style={{ justifyContent: "center", margin: "6px 0 0" }}>
      {items.map((i) => (
        <li key={i.label}>
          <span className="swatch" style={i.shape === "line" ? { background: i.color, height: 3, width: 14, verticalAlign: 3 } : { background: i.color }} />
          {i.label}
        </li>
      ))}
    </ul>
  );
}
