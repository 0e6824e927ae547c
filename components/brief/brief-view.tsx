"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { useDashboardFilters } from "@/components/filters/use-dashboard-filters";
import { downloadBlob } from "@/components/export/download";
import { embeddedFontCss, loadExportFonts } from "@/components/export/export-fonts";
import { elementToPng } from "@/components/export/rasterise";
import { briefQuery, dashboardQuery, parseBriefOptions, type BriefOptions } from "@/lib/export/brief-params";
import { exportFileName } from "@/lib/export/file-name";
import { SLIDE_SIZE } from "@/lib/export/sizes";
import { BriefSlide } from "./brief-slide";
import { BriefToolbar } from "./brief-toolbar";
import { useBriefData } from "./use-brief-data";

/**
 * /brief: the slide, scaled to fit the window (its layout stays 1920 × 1080),
 * with downloads and an editor around it. Nothing around the slide is part of
 * an export.
 */
export function BriefView({ generatedOn }: { generatedOn: string }) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useDashboardFilters();
  const { filters, problems, meta, dataset, summary } = state;
  const { options, problems: briefProblems } = useMemo(() => parseBriefOptions(new URLSearchParams(searchParams.toString())), [searchParams]);
  const coverage = meta ? { aid: dataset?.coverage, events: meta.coverage.events, deployments: meta.coverage.deployments } : null;
  const data = useBriefData(filters, options.widgets, coverage);
  const slideRef = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const aidSummaryLine = dataset ? `${summary} · ${dataset.name}` : summary;

  const stageRef = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = stageRef.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setScale(e.contentRect.width / SLIDE_SIZE.width));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const png = async (pixelRatio: 1 | 2) => {
    const el = slideRef.current;
    if (!el) return;
    setBusy(`png${pixelRatio}`);
    setError(null);
    try {
      await loadExportFonts();
      const blob = await elementToPng(el, SLIDE_SIZE, pixelRatio, await embeddedFontCss().catch(() => ""));
      downloadBlob(blob, exportFileName({ base: `brief ${options.title}${pixelRatio === 2 ? " 2x" : ""}`, summary, ext: "png" }));
    } catch (e) {
      setError(`Could not draw the PNG: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const change = (next: BriefOptions) => {
    router.replace(`${pathname}?${briefQuery(dashboardQuery(searchParams.toString()), next)}`, { scroll: false });
  };

  const allProblems = [...problems, ...briefProblems];
  const slideState = data.error ? "error" : undefined;
  return (
    <div className="brief-page" data-state={slideState}>
      <BriefToolbar
        key={searchParams.toString()}
        options={options}
        dashboardHref={`/?${dashboardQuery(searchParams.toString())}`}
        ready={data.ready}
        busy={busy}
        onPng={png}
        onPdf={() => window.print()}
        onChange={change}
      />
      {allProblems.length > 0 ? (
        <div className="banner banner-warn" role="alert" data-testid="brief-problems" data-print="hide">
          <strong>Some of this link’s parameters could not be used.</strong>
          <ul>
            {allProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? (
        <div className="banner banner-error" role="alert" data-print="hide">
          {error}
        </div>
      ) : null}
      <div className="brief-stage" ref={stageRef} style={scale ? { height: SLIDE_SIZE.height * scale } : undefined}>
        <div className="brief-scaler" style={{ transform: `scale(${scale ?? 1})`, visibility: scale ? "visible" : "hidden" }}>
          <BriefSlide
            ref={slideRef}
            options={options}
            filters={filters}
            aidSummaryLine={aidSummaryLine}
            dataset={dataset}
            deploymentsTo={meta?.coverage.deployments.to ?? null}
            generatedOn={generatedOn}
            data={data}
          />
        </div>
      </div>
      <p className="brief-hint" data-print="hide">
        The slide is laid out at 1920 × 1080 and scaled to your window; downloads are always full size. For a PDF, print and choose “Save as PDF”.
      </p>
    </div>
  );
}
