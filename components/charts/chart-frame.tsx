"use client";

import { useId, useState, type ReactNode } from "react";
import { ChartExportMenu } from "@/components/export/chart-export-menu";
import type { ChartExportSpecSource } from "@/components/export/types";

/**
 * Every chart sits in this frame: a heading that names it (and the figure's
 * accessible name), the filter summary, tools, export (PNG, SVG, copy image,
 * CSV), a "view as table" alternative, and the sources line beneath.
 *
 * `exportSpec` (from the chart's definition, lib/charts) says how to draw the
 * exported image and which rows the CSV holds; without one (no data yet)
 * the export button is disabled.
 */
export function ChartFrame({
  title,
  subtitle,
  tools,
  table,
  footer,
  children,
  testId,
  fetching,
  exportSpec,
}: {
  title: string;
  subtitle?: string;
  tools?: ReactNode;
  table: ReactNode;
  footer: ReactNode;
  children: ReactNode;
  testId: string;
  fetching?: boolean;
  exportSpec?: ChartExportSpecSource;
}) {
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  return (
    <section className="panel chart-frame" aria-labelledby={headingId} data-testid={testId}>
      <header>
        <div>
          <h2 id={headingId}>{title}</h2>
          {subtitle ? <p className="subtitle">{subtitle}</p> : null}
        </div>
        <div className="tools">
          {tools}
          <button type="button" className="btn btn-small" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
            {asTable ? "View as chart" : "View as table"}
          </button>
          <ChartExportMenu testId={testId} title={title} subtitle={subtitle} exportSpec={exportSpec} />
        </div>
      </header>
      <div className={`chart-area${fetching ? " fetching" : ""}`} aria-busy={fetching || undefined}>
        {asTable ? (
          <div className="table-wrap" data-testid={`${testId}-table`}>
            {table}
          </div>
        ) : (
          <figure role="figure" aria-label={`${title}${subtitle ? `: ${subtitle}` : ""}`} style={{ margin: 0 }}>
            {children}
          </figure>
        )}
      </div>
      {footer}
    </section>
  );
}
