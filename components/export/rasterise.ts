"use client";

import { domToBlob } from "modern-screenshot";
import type { Size } from "@/lib/export/sizes";

/**
 * Rasterising goes through modern-screenshot (the browser draws, the library
 * handles fonts and the Safari/Firefox decode quirks, the canvas encodes).
 * Sizes are explicit: the device's pixel ratio never changes the file.
 */
export async function elementToPng(el: HTMLElement | SVGElement, size: Size, scale: number, fontCss: string): Promise<Blob> {
  const blob = await domToBlob(el, {
    width: size.width,
    height: size.height,
    scale,
    type: "image/png",
    backgroundColor: "#ffffff",
    font: fontCss ? { cssText: fontCss } : undefined,
    style: { transform: "none", margin: "0" },
  });
  if (!blob) throw new Error("The browser could not draw the image.");
  return blob;
}

/** A standalone SVG string to PNG: mounted off-screen for the moment it takes to draw. */
export async function svgToPng(svg: string, size: Size, scale: number, fontCss: string): Promise<Blob> {
  const host = document.createElement("div");
  host.setAttribute("aria-hidden", "true");
  Object.assign(host.style, { position: "fixed", left: "-100000px", top: "0", width: `${size.width}px`, height: `${size.height}px` });
  host.innerHTML = svg;
  document.body.appendChild(host);
  try {
    const el = host.firstElementChild as SVGSVGElement | null;
    if (!el) throw new Error("The exported SVG is empty.");
    return await elementToPng(el, size, scale, fontCss);
  } finally {
    host.remove();
  }
}
