"use client";

import { tickStyle } from "./figure-style";

/** A donor name on one line, right-aligned to the axis (Recharts' own tick would wrap long names). */
export function DonorTick({ x, y, payload, fontSize }: { x?: number; y?: number; payload?: { value: string }; fontSize: number }) {
  return (
    <text x={(x ?? 0) - 4} y={y} dy="0.35em" textAnchor="end" {...tickStyle(fontSize)}>
      {payload?.value}
    </text>
  );
}
