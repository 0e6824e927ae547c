/**
 * Where the curated events end (pure). After the last curated event the index
 * only decays towards zero: that is missing data, not calm. Charts shade the
 * span and draw the line there dashed, with one label, the same on screen and
 * in exports.
 */
import type { Channel } from "@/lib/domain/taxonomy";
import { formatDay } from "@/lib/format/dates";
import { addDaysIso } from "./time-axis";

/** The shade over days without curated events, on screen and in exports (which draw the same charts). */
export const UNCOVERED_FILL = "#e9ecf1";
export const UNCOVERED_TEXT = "#4b5565";

export interface UncoveredSpan {
  /** First day without curated events (the day after the coverage end, or the range start). */
  from: string;
  /** Last day of the range. */
  to: string;
  label: string;
}

/**
 * The lines `label` takes when wrapped at spaces into `px` pixels at
 * `fontSize` type, filled greedily as Recharts' `Text` wraps a label given a
 * width; null when one word alone is too wide. A line fits when it has about
 * 6 px a character plus 12 px of margin at 11 px type, in proportion at other
 * sizes: the one width rule for every shaded span's label.
 */
export function wrapLabel(label: string, px: number, fontSize = 11): string[] | null {
  const fits = (line: string) => px >= ((line.length * 6 + 12) * fontSize) / 11;
  const lines: string[] = [];
  for (const word of label.split(" ")) {
    const last = lines.length ? `${lines[lines.length - 1]} ${word}` : null;
    if (last !== null && fits(last)) lines[lines.length - 1] = last;
    else if (fits(word)) lines.push(word);
    else return null;
  }
  return lines;
}

/**
 * The label's lines when it fits in `px` pixels within `maxLines` lines (one
 * on screen; the slide's larger type may take two), else null: the span is
 * then shaded without its label and the chart's caption or key says it instead.
 */
export function fitLabel(label: string, px: number, fontSize = 11, maxLines = 1): string[] | null {
  const lines = wrapLabel(label, px, fontSize);
  return lines !== null && lines.length <= maxLines ? lines : null;
}

/** Whether a label fits in `px` pixels within `maxLines` lines (see `fitLabel`). */
export function textFits(label: string, px: number, fontSize = 11, maxLines = 1): boolean {
  return fitLabel(label, px, fontSize, maxLines) !== null;
}

/** The span's width in pixels on a day axis over `domain`, `plotWidth` pixels wide (0 for an empty domain). */
export function spanWidth(span: { from: string; to: string }, domain: { from: string; to: string }, plotWidth: number): number {
  const whole = Date.parse(domain.to) - Date.parse(domain.from);
  return whole > 0 ? ((Date.parse(span.to) - Date.parse(span.from)) / whole) * plotWidth : 0;
}

/** Whether the span's label fits inside it on a day axis over `domain`, `plotWidth` pixels wide. */
export function labelFits(
  span: { from: string; to: string; label: string },
  domain: { from: string; to: string },
  plotWidth: number,
  fontSize = 11,
  maxLines = 1,
): boolean {
  const px = spanWidth(span, domain, plotWidth);
  return px > 0 && textFits(span.label, px, fontSize, maxLines);
}

/** "no curated events after 1 Jun 2025" (or "no curated events" when there are none at all). */
export function coverageLabel(coverageEnd: string | null, what = "curated events"): string {
  return coverageEnd ? `no ${what} after ${formatDay(coverageEnd)}` : `no ${what}`;
}

/** The part of [from, to] after `coverageEnd`, or null when the range ends on or before it. */
export function uncoveredSpan(range: { from: string; to: string }, coverageEnd: string | null, what?: string): UncoveredSpan | null {
  if (coverageEnd !== null && coverageEnd >= range.to) return null;
  const start = coverageEnd === null ? range.from : addDaysIso(coverageEnd, 1);
  return { from: start > range.from ? start : range.from, to: range.to, label: coverageLabel(coverageEnd, what) };
}

type Row = { date: string; value: number } & Record<Channel, number>;

export type CoverageRow<R extends Row> = R & {
  /** The headline up to the coverage end (null after): drawn solid. */
  covered: number | null;
  /** The headline from the coverage end on (null before): drawn dashed, so the two meet at the last event. */
  uncovered: number | null;
} & { [K in Channel as `${K}_covered`]: number | null };

/**
 * Splits each row's headline and sub-indices at the coverage end. Sub-indices
 * stop there; the headline continues dashed from the coverage end's own day so
 * the line has no gap. The tooltip keeps reading the unsplit values.
 */
export function splitAtCoverage<R extends Row>(rows: readonly R[], coverageEnd: string | null, channels: readonly Channel[]): CoverageRow<R>[] {
  return rows.map((r) => {
    const inside = coverageEnd !== null && r.date <= coverageEnd;
    const edge = coverageEnd !== null && r.date === coverageEnd;
    const out: Record<string, unknown> = { ...r, covered: inside ? r.value : null, uncovered: !inside || edge ? r.value : null };
    for (const c of channels) out[`${c}_covered`] = inside ? r[c] : null;
    return out as CoverageRow<R>;
  });
}

/** The first month entirely after the coverage end ("YYYY-MM"), or null without a coverage end. */
export function firstUncoveredMonth(coverageEnd: string | null): string | null {
  if (!coverageEnd) return null;
  const [y, m] = coverageEnd.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/**
 * The months after the last curated event's month (shaded: the index there
 * only decays), their share of the months drawn (for the label's fit), and the
 * rows with the index split into a solid part up to that month and a dashed
 * part from it.
 */
export function aidCoverage<R extends { period: string; index: number | null }>(rows: readonly R[], coverageEnd: string | null | undefined) {
  const first = coverageEnd === undefined ? undefined : firstUncoveredMonth(coverageEnd);
  const uncoveredFrom = first === undefined ? null : first === null ? (rows[0]?.period ?? null) : (rows.find((r) => r.period >= first)?.period ?? null);
  const lastCovered = coverageEnd ? coverageEnd.slice(0, 7) : null;
  const split = rows.map((r) => ({
    ...r,
    indexCovered: uncoveredFrom === null || (lastCovered !== null && r.period <= lastCovered) ? r.index : null,
    indexUncovered: uncoveredFrom !== null && (lastCovered === null || r.period >= lastCovered) ? r.index : null,
  }));
  const uncoveredShare = uncoveredFrom === null ? 0 : (rows.length - rows.findIndex((r) => r.period === uncoveredFrom)) / rows.length;
  return { uncoveredFrom, uncoveredShare, label: coverageEnd === undefined ? "" : coverageLabel(coverageEnd), rows: split };
}

export type AidCoverage<R extends { period: string; index: number | null }> = ReturnType<typeof aidCoverage<R>>;

/** How the span after the last curated event is shaded, in every chart (a Recharts ReferenceArea's props). */
export const UNCOVERED_AREA = {
  fill: UNCOVERED_FILL,
  fillOpacity: 0.85,
  stroke: "none",
  ifOverflow: "hidden",
} as const;

/** How the index is drawn after the last curated event, in every chart: dashed and faint, not a confident line. */
export const UNCOVERED_LINE = {
  name: "Escalation index (no curated events)",
  strokeOpacity: 0.55,
  strokeWidth: 1.5,
  strokeDasharray: "5 4",
  dot: false,
} as const;
