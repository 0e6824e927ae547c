"use client";

import type { ReactNode } from "react";
import type { LegendItem } from "@/lib/export/compose-chart-svg";
import { useElementSize } from "@/components/charts/use-element-size";

/** One chart on the slide: title, unit line, legend, then the figure at the size the layout leaves it. */
export function SlidePanel({
  id,
  title,
  note,
  legend,
  empty,
  children,
}: {
  id: string;
  title: string;
  note?: string;
  legend?: LegendItem[];
  /** Shown instead of the figure when the selection has nothing to draw. */
  empty?: string | null;
  children: (size: { width: number; height: number }) => ReactNode;
}) {
  const [bodyRef, size] = useElementSize<HTMLDivElement>();
  return (
    <section className="brief-panel" data-widget={id} aria-label={title}>
      <header className="brief-panel-head">
        <h2>{title}</h2>
        {note ? <p>{note}</p> : null}
      </header>
      {legend?.length ? (
        <ul className="brief-legend">
          {legend.map((l) => (
            <li key={l.label}>
              <span className={`brief-swatch brief-swatch-${l.shape ?? "square"}`} style={l.shape === "dash" ? { color: l.color } : { background: l.color }} />
              {l.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="brief-panel-body" ref={bodyRef}>
        {empty ? <p className="brief-empty">{empty}</p> : size && size.width > 0 && size.height > 0 ? children(size) : null}
      </div>
    </section>
  );
}
