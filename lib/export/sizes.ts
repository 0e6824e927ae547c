/**
 * Canonical export sizes, in CSS pixels. An exported image is laid out at its
 * chart type's size whatever the screen that asked for it, so a phone and a
 * desktop produce the same picture for the same selection (the way the Kiel
 * tracker's downloadable charts are fixed-size renders, not screenshots).
 */
export const EXPORT_KINDS = ["timeseries", "donor-bars", "category-mix", "index", "timeline", "bars"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface Size {
  width: number;
  height: number;
}

export const EXPORT_SIZES: Record<ExportKind, Size> = {
  /** Aid over time, aid and escalation: 16:9, fits a slide. */
  timeseries: { width: 1200, height: 675 },
  /** Donor rankings need height for up to 50 labelled rows. */
  "donor-bars": { width: 1200, height: 800 },
  "category-mix": { width: 1200, height: 675 },
  index: { width: 1200, height: 675 },
  timeline: { width: 1200, height: 675 },
  /** Any other horizontal bar chart. */
  bars: { width: 1200, height: 800 },
};

/** PNGs are written at twice the canonical size: sharp on high-DPI screens and projectors, independent of the device's own pixel ratio. */
export const PNG_SCALE = 2;

/** The briefing slide: 16:9 at 1920 × 1080 CSS pixels. */
export const SLIDE_SIZE: Size = { width: 1920, height: 1080 };

/**
 * The exports' type: Inter is shipped with the app (so a phone renders the
 * same glyphs as a desktop), then fonts Debian always has, then generic sans.
 */
export const EXPORT_FONT_STACK = `Inter, "DejaVu Sans", "Liberation Sans", Arial, sans-serif`;
