"use client";

import type { ReactNode } from "react";
import type { Size } from "@/lib/export/sizes";
import { useElementSize } from "./use-element-size";

/** The screen's wrapper around a fixed-size chart: full width of its column, a set height, redrawn on resize. */
export function SizedChart({ height, children }: { height: number; children: (size: Size) => ReactNode }) {
  const [ref, size] = useElementSize<HTMLDivElement>();
  return (
    <div ref={ref} style={{ width: "100%", height }}>
      {size && size.width > 0 ? children({ width: size.width, height }) : null}
    </div>
  );
}
