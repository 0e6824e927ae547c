"use client";

import type { LegendItem } from "@/lib/export/compose-chart-svg";
import type { Size } from "@/lib/export/sizes";
import { chartCsv, type CsvRow } from "@/lib/export/chart-csv";
import type { SourceDto } from "@/lib/sources/dto";

/** The chart's own drawing: Recharts' main surface, else the largest SVG in the host. */
function chartSurface(host: HTMLElement): SVGSVGElement | null {
  const main = host.querySelector<SVGSVGElement>(".recharts-wrapper > svg");
  if (main) return main;
  const all = Array.from(host.querySelectorAll<SVGSVGElement>("svg"));
  const area = (s: SVGSVGElement) => s.getBoundingClientRect().width * s.getBoundingClientRect().height;
  return all.sort((a, b) => area(b) - area(a))[0] ?? null;
}

/** The drawn size of the chart's main SVG. */
export function chartSurfaceSize(host: HTMLElement): { width: number; height: number } {
  const svg = chartSurface(host);
  if (!svg) throw new Error("The chart has nothing drawn to export yet.");
  const rect = svg.getBoundingClientRect();
  return { width: Number(svg.getAttribute("width")) || rect.width, height: Number(svg.getAttribute("height")) || rect.height };
}

/**
 * The chart's SVG markup fitted into `box`: its own drawing size becomes the
 * viewBox, so a chart drawn at another size scales in without distortion.
 */
export function chartSvgMarkup(host: HTMLElement, box: Size): string {
  const svg = chartSurface(host);
  if (!svg) throw new Error("The chart has nothing drawn to export yet.");
  const rect = svg.getBoundingClientRect();
  const w = Number(svg.getAttribute("width")) || rect.width;
  const h = Number(svg.getAttribute("height")) || rect.height;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  // A CSS width of 100% on a nested <svg> would resolve against the whole image.
  clone.removeAttribute("style");
  clone.setAttribute("width", String(box.width));
  clone.setAttribute("height", String(box.height));
  if (!clone.getAttribute("viewBox")) clone.setAttribute("viewBox", `0 0 ${w} ${h}`);
  clone.setAttribute("preserveAspectRatio", "xMidYMid meet");
  clone.setAttribute("overflow", "visible");
  return new XMLSerializer().serializeToString(clone);
}

/** A Recharts legend (HTML, outside the SVG) read back as items to draw into the image. */
export function legendFromDom(host: HTMLElement): LegendItem[] {
  return Array.from(host.querySelectorAll(".recharts-legend-item")).flatMap((li) => {
    const label = li.querySelector(".recharts-legend-item-text")?.textContent?.trim() ?? li.textContent?.trim() ?? "";
    const mark = Array.from(li.querySelectorAll("path, rect, line, circle")).find(
      (el) => (el.getAttribute("fill") ?? "none") !== "none" || (el.getAttribute("stroke") ?? "none") !== "none",
    );
    const fill = mark?.getAttribute("fill");
    const color = fill && fill !== "none" ? fill : (mark?.getAttribute("stroke") ?? "#5b6576");
    return label ? [{ label, color, shape: mark?.tagName === "line" ? ("line" as const) : ("square" as const) }] : [];
  });
}

/**
 * A chart's "view as table" alternative as CSV: numbers from `data-value`
 * where the table carries them, otherwise the cell text.
 */
export function tableCsvFromDom(host: HTMLElement, provenance: { selection: string; sources: SourceDto[] }): string {
  const table = host.querySelector("table");
  if (!table) throw new Error("This chart has no table of its data to export.");
  const headers = Array.from(table.querySelectorAll("thead th")).map((th, i) => th.textContent?.trim() || `column_${i + 1}`);
  const rows: CsvRow[] = Array.from(table.querySelectorAll("tbody tr")).map((tr) => {
    const cells = Array.from(tr.children);
    return Object.fromEntries(
      headers.map((h, i) => {
        const cell = cells[i];
        const v = cell?.getAttribute("data-value");
        return [h, v !== null && v !== undefined && v !== "" && !Number.isNaN(Number(v)) ? Number(v) : (cell?.textContent?.trim() ?? "")];
      }),
    );
  });
  return chartCsv({ columns: headers, rows, provenance });
}

/** Source links in a frame's footer as DTOs (for frames that do not hand their sources over). */
export function sourcesFromDom(footer: HTMLElement | null): SourceDto[] {
  if (!footer) return [];
  return Array.from(footer.querySelectorAll<HTMLAnchorElement>("a[href]")).map((a) => ({
    id: a.href,
    publisher: a.textContent?.trim() ?? a.href,
    title: a.title || a.textContent?.trim() || a.href,
    url: a.href,
    publishedAt: null,
    releaseLabel: null,
  }));
}
