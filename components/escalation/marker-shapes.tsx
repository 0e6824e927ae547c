import type { Channel, Confidence } from "@/lib/domain/taxonomy";
import { CHANNEL_COLORS } from "@/components/charts/palette";

/**
 * Each channel has a shape as well as a colour, so markers stay apart for
 * readers who cannot tell the colours apart (and in greyscale print).
 */
export function markerPath(channel: Channel, r: number): string {
  switch (channel) {
    case "nuclear":
      return `M ${-r} 0 A ${r} ${r} 0 1 0 ${r} 0 A ${r} ${r} 0 1 0 ${-r} 0 Z`;
    case "conventional": {
      const s = r * 0.88;
      return `M ${-s} ${-s} H ${s} V ${s} H ${-s} Z`;
    }
    case "western_support":
      return `M 0 ${-r * 1.1} L ${r * 1.05} ${r * 0.8} L ${-r * 1.05} ${r * 0.8} Z`;
    case "third_country":
      return `M 0 ${-r * 1.2} L ${r * 1.05} 0 L 0 ${r * 1.2} L ${-r * 1.05} 0 Z`;
    case "de_escalation":
      return `M 0 ${r * 1.1} L ${r * 1.05} ${-r * 0.8} L ${-r * 1.05} ${-r * 0.8} Z`;
  }
}

/** Confirmed events are filled; reported and disputed ones are drawn hollow (they count 0.6 and 0.3). */
export function MarkerGlyph({ channel, confidence, r = 5 }: { channel: Channel; confidence: Confidence; r?: number }) {
  const colour = CHANNEL_COLORS[channel];
  const hollow = confidence !== "confirmed";
  return <path d={markerPath(channel, r)} fill={hollow ? "#fff" : colour} stroke={colour} strokeWidth={hollow ? 1.75 : 1} />;
}

/** The glyph as a small inline image for legends, panels and tables. */
export function MarkerSwatch({ channel, confidence = "confirmed", size = 12 }: { channel: Channel; confidence?: Confidence; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="-7 -7 14 14" aria-hidden="true" className="marker-swatch">
      <MarkerGlyph channel={channel} confidence={confidence} r={5} />
    </svg>
  );
}
