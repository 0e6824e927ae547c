import { CHANNEL_LABELS, type Channel } from "@/lib/domain/taxonomy";
import { CHANNEL_COLORS, INDEX_COLOR } from "@/components/charts/palette";
import { MarkerSwatch } from "./marker-shapes";

/** Lines and marker shapes in one key: each channel's thin line and the shape of its events. */
export function EscalationLegend({ channels, showLines }: { channels: Channel[]; showLines: boolean }) {
  return (
    <ul className="legend esc-legend" aria-label="Legend">
      <li>
        <span className="line-swatch" style={{ background: INDEX_COLOR, height: 3 }} />
        Escalation index{channels.length < 5 ? " (selected sub-indices)" : ""}
      </li>
      {channels.map((c) => (
        <li key={c}>
          {showLines && <span className="line-swatch" style={{ background: CHANNEL_COLORS[c] }} />}
          <MarkerSwatch channel={c} /> {CHANNEL_LABELS[c]}
        </li>
      ))}
      <li className="muted">
        <MarkerSwatch channel="nuclear" confidence="reported" /> hollow = reported or disputed
      </li>
    </ul>
  );
}
