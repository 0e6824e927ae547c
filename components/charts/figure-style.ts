import { EXPORT_FONT_STACK } from "@/lib/export/sizes";

/**
 * Fixed-size charts for the slide and the exported images: explicit width and
 * height (no ResizeObserver, so the same size gives the same drawing), no
 * animation, no tooltip, legends drawn by the caller, type sized for reading
 * across a room.
 */
export interface FigureProps {
  width: number;
  height: number;
  /** Tick and label size in CSS pixels. */
  fontSize: number;
}

export const FIGURE = {
  grid: "#e3e7ed",
  axis: "#aab2bf",
  tick: "#3b4454",
  font: EXPORT_FONT_STACK,
} as const;

export const tickStyle = (fontSize: number) => ({ fontSize, fill: FIGURE.tick, fontFamily: FIGURE.font });
