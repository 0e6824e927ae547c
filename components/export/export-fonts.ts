"use client";

// Inter ships with the app: an exported image uses the same glyphs on a phone, a desktop and the CLI.
import "@fontsource/inter/latin-400.css";
import "@fontsource/inter/latin-600.css";
import "@fontsource/inter/latin-700.css";
import { EXPORT_FONT_STACK } from "@/lib/export/sizes";
import type { MeasureText } from "@/lib/export/compose-chart-svg";

const WEIGHTS = [400, 600, 700];

/** Resolves when Inter's weights are loaded, so measuring and drawing use it. */
export async function loadExportFonts(): Promise<void> {
  await Promise.all(WEIGHTS.map((w) => document.fonts.load(`${w} 16px Inter`)));
  await document.fonts.ready;
}

let embedded: Promise<string> | null = null;

/**
 * @font-face rules for Inter with the font files inlined as data URLs: an SVG
 * drawn as an image (and a downloaded SVG) cannot fetch the app's fonts.
 */
export function embeddedFontCss(): Promise<string> {
  embedded ??= collectFontCss().catch((e) => {
    embedded = null;
    throw e;
  });
  return embedded;
}

async function collectFontCss(): Promise<string> {
  const rules: CSSFontFaceRule[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      continue; // a cross-origin sheet: not ours
    }
    for (const r of Array.from(list)) {
      if (r instanceof CSSFontFaceRule && /inter/i.test(r.style.getPropertyValue("font-family"))) rules.push(r);
    }
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of rules) {
    const weight = r.style.getPropertyValue("font-weight").trim() || "400";
    const range = r.style.getPropertyValue("unicode-range").trim();
    // Only the Latin files (no unicode-range, or one starting at U+0000): the exports are in English.
    if (!WEIGHTS.includes(Number(weight)) || (range && !/U\+0000/i.test(range)) || seen.has(weight)) continue;
    const url = /url\(["']?([^"')]+\.woff2)["']?\)/.exec(r.style.getPropertyValue("src"))?.[1];
    if (!url) continue;
    const res = await fetch(new URL(url, r.parentStyleSheet?.href ?? document.baseURI).href);
    if (!res.ok) throw new Error(`Could not load the export font ${url}: ${res.status}`);
    const data = await blobToDataUrl(await res.blob(), "font/woff2");
    seen.add(weight);
    out.push(`@font-face{font-family:'Inter';font-style:normal;font-weight:${weight};src:url(${data}) format('woff2');}`);
  }
  return out.join("");
}

function blobToDataUrl(blob: Blob, type: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^;]*;/, `data:${type};`));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

let ctx: CanvasRenderingContext2D | null = null;

/** Text widths as the browser will draw them in the export font (for wrapping titles and sources). */
export const canvasMeasure: MeasureText = (text, style) => {
  ctx ??= document.createElement("canvas").getContext("2d");
  if (!ctx) return text.length * style.size * 0.55;
  ctx.font = `${style.weight} ${style.size}px ${EXPORT_FONT_STACK}`;
  return ctx.measureText(text).width;
};
