"use client";

import { useEffect, useId, useRef, useState } from "react";
import { layoutChartExport, renderChartExportSvg } from "@/lib/export/compose-chart-svg";
import { exportFileName } from "@/lib/export/file-name";
import { EXPORT_SIZES, PNG_SCALE, type Size } from "@/lib/export/sizes";
import { formatDay } from "@/lib/format/dates";
import { copyPngToClipboard, downloadBlob } from "./download";
import { canvasMeasure, embeddedFontCss, loadExportFonts } from "./export-fonts";
import styles from "./export-menu.module.css";
import { useOffscreenRender } from "./offscreen";
import { svgToPng } from "./rasterise";
import { chartSvgMarkup, drawnSize } from "./chart-svg-markup";
import type { ChartExportSpec, ChartExportSpecSource } from "./types";

type Action = "png" | "svg" | "copy" | "csv";

interface BuiltImage {
  svg: string;
  size: Size;
  fontCss: string;
  name: string;
  summary: string;
}

/**
 * A chart's export tools: PNG, SVG, copy image, CSV. The image is composed at
 * the chart type's canonical size with its title, filter summary and sources,
 * whatever the size of the screen it was asked from.
 */
export function ChartExportMenu({
  testId,
  title,
  subtitle,
  exportSpec,
}: {
  testId: string;
  title: string;
  subtitle?: string;
  exportSpec?: ChartExportSpecSource;
}) {
  const offscreen = useOffscreenRender();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<Action | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => rootRef.current && !rootRef.current.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("pointerdown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  useEffect(() => {
    if (!message || message.error) return;
    const t = setTimeout(() => setMessage(null), 4000);
    return () => clearTimeout(t);
  }, [message]);

  const resolveSpec = async (): Promise<ChartExportSpec> => {
    const spec = typeof exportSpec === "function" ? await exportSpec() : exportSpec;
    if (!spec) throw new Error("This chart has nothing to export yet.");
    return spec;
  };

  const buildImage = async (): Promise<BuiltImage> => {
    const spec = await resolveSpec();
    await loadExportFonts();
    const fontCss = await embeddedFontCss().catch(() => "");
    const text = {
      title: spec.title ?? title,
      summary: spec.summary ?? subtitle,
      credit: `Aid & Escalation Monitor · exported ${formatDay(new Date().toISOString().slice(0, 10))}`,
      measure: canvasMeasure,
      legend: spec.legend,
      sources: spec.sources,
    };
    let size = EXPORT_SIZES[spec.kind];
    let layout = layoutChartExport({ ...text, size });
    let markup: string;
    try {
      if (spec.fitHeight) {
        const { zoom } = spec.fitHeight;
        const host = await offscreen.render(
          spec.figure({ width: Math.round(layout.chartBox.width / zoom), height: Math.round(layout.chartBox.height / zoom) }),
          {
            width: Math.round(layout.chartBox.width / zoom),
          },
        );
        const drawn = drawnSize(host);
        const fitted = layout.size.height - layout.chartBox.height + (drawn.height * layout.chartBox.width) / drawn.width;
        size = { width: size.width, height: Math.round(Math.min(size.height, Math.max(420, fitted))) };
        layout = layoutChartExport({ ...text, size });
        markup = chartSvgMarkup(host, layout.chartBox);
      } else {
        const box = { width: layout.chartBox.width, height: layout.chartBox.height };
        markup = chartSvgMarkup(await offscreen.render(spec.figure(box), box), box);
      }
    } finally {
      offscreen.clear();
    }
    return { svg: renderChartExportSvg(layout, markup, fontCss), size, fontCss, name: spec.name ?? title, summary: spec.summary ?? subtitle ?? "" };
  };

  const pngOf = async (img: BuiltImage) => svgToPng(img.svg, img.size, PNG_SCALE, img.fontCss);

  const buildCsv = async (): Promise<{ csv: string; name: string }> => {
    const spec = await resolveSpec();
    return { csv: spec.csv(), name: spec.name ?? title };
  };

  const run = (action: Action) => {
    setBusy(action);
    setMessage(null);
    let done: Promise<string>;
    if (action === "copy") {
      // Handed to the clipboard inside the click, as a promise (Safari's rule).
      done = copyPngToClipboard(buildImage().then(pngOf)).then(() => "Image copied");
    } else if (action === "csv") {
      done = buildCsv().then(({ csv, name }) => {
        downloadBlob(new Blob([csv], { type: "text/csv;charset=utf-8" }), exportFileName({ base: name, summary: subtitle, ext: "csv" }));
        return "CSV downloaded";
      });
    } else {
      done = buildImage().then(async (img) => {
        const blob = action === "png" ? await pngOf(img) : new Blob([img.svg], { type: "image/svg+xml;charset=utf-8" });
        downloadBlob(blob, exportFileName({ base: img.name, summary: img.summary, ext: action }));
        return action === "png" ? "PNG downloaded" : "SVG downloaded";
      });
    }
    done
      .then((text) => {
        setMessage({ text });
        setOpen(false);
      })
      .catch((e: unknown) => setMessage({ text: `Export failed: ${e instanceof Error ? e.message : String(e)}`, error: true }))
      .finally(() => setBusy(null));
  };

  const item = (action: Action, label: string) => (
    <button type="button" disabled={busy !== null} onClick={() => run(action)} data-export={action}>
      {busy === action ? `${label}…` : label}
    </button>
  );

  return (
    <div className={styles.menu} ref={rootRef} data-testid={`${testId}-export`}>
      <button type="button" className="btn btn-small" disabled={!exportSpec} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((v) => !v)}>
        Export
      </button>
      {open ? (
        <div id={panelId} className={styles.panel} role="group" aria-label={`Export ${title}`}>
          {item("png", "Download PNG")}
          {item("svg", "Download SVG")}
          {item("copy", "Copy image")}
          {item("csv", "Download CSV")}
          <p className={styles.hint}>Fixed-size image with title, filters and sources, the same from any screen.</p>
        </div>
      ) : null}
      {message ? (
        <span role={message.error ? "alert" : "status"} className={`${styles.status} ${message.error ? styles.error : ""}`}>
          {message.text}
        </span>
      ) : null}
      {offscreen.portal}
    </div>
  );
}
