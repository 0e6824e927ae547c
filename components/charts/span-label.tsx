"use client";

import { fitLabel, UNCOVERED_TEXT } from "@/components/escalation/coverage";
import { FIGURE } from "./figure-style";

/** The slide's type is large: a shaded span's label is set a little smaller than the ticks and may take two lines. */
const LINES = 2;
const labelSize = (fontSize: number) => Math.round(fontSize * 0.85);

/**
 * The Recharts `label` of a shaded span (after the last curated event) `px`
 * pixels wide: its text wrapped to the span by coverage.ts's rule and set at
 * the span's top, or undefined when it does not fit (the panel's key says it).
 */
export function spanLabel(label: string, px: number, fontSize: number) {
  const size = labelSize(fontSize);
  const lines = fitLabel(label, px, size, LINES);
  return lines ? { position: "insideTop" as const, content: <SpanLabelText lines={lines} fontSize={size} /> } : undefined;
}

function SpanLabelText({ lines, fontSize, viewBox }: { lines: string[]; fontSize: number; viewBox?: { x: number; y: number; width: number; height: number } }) {
  if (!viewBox) return null;
  const x = viewBox.x + viewBox.width / 2;
  return (
    <text className="recharts-label" x={x} y={viewBox.y + 8} textAnchor="middle" fontSize={fontSize} fill={UNCOVERED_TEXT} fontFamily={FIGURE.font}>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? "1em" : "1.25em"}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
