"use client";

import type { Size } from "@/lib/export/sizes";

/**
 * The SVG markup of a chart drawn offscreen at `box` (Recharts' main surface,
 * else the largest SVG), ready to nest in the export image. The chart was drawn
 * at exactly this size from its definition: nothing is read back but the drawing.
 */
export function chartSvgMarkup(host: HTMLElement, box: Size): string {
  const svg = surface(host);
  const w = Number(svg.getAttribute("width")) || svg.getBoundingClientRect().width;
  const h = Number(svg.getAttribute("height")) || svg.getBoundingClientRect().height;
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

function surface(host: HTMLElement): SVGSVGElement {
  const svg =
    host.querySelector<SVGSVGElement>(".recharts-wrapper > svg") ??
    Array.from(host.querySelectorAll<SVGSVGElement>("svg")).sort((a, b) => area(b) - area(a))[0];
  if (!svg) throw new Error("The chart has nothing drawn to export yet.");
  return svg;
}

/** The size the chart drew itself at (for charts whose height follows from their content). */
export function drawnSize(host: HTMLElement): Size {
  const svg = surface(host);
  const rect = svg.getBoundingClientRect();
  return { width: Number(svg.getAttribute("width")) || rect.width, height: Number(svg.getAttribute("height")) || rect.height };
}

const area = (s: SVGSVGElement) => s.getBoundingClientRect().width * s.getBoundingClientRect().height;
