import { EXPORT_FONT_STACK, type Size } from "./sizes";

/**
 * A finished chart image as one standalone SVG: title, filter summary, legend,
 * the chart itself, then the sources and a credit line. Pure string work, so
 * the same inputs give byte-identical files wherever they are composed.
 */

export interface TextStyle {
  size: number;
  weight: number;
}
export type MeasureText = (text: string, style: TextStyle) => number;

export interface LegendItem {
  label: string;
  color: string;
  shape?: "square" | "line" | "dash" | "dot";
}

export interface ChartExportText {
  title: string;
  summary?: string;
  legend?: LegendItem[];
  sources: string;
  credit?: string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface PlacedText {
  text: string;
  x: number;
  y: number;
  style: TextStyle;
  fill: string;
}
interface PlacedLegend {
  item: LegendItem;
  x: number;
  y: number;
}

export interface ChartExportLayout {
  size: Size;
  title: string;
  chartBox: Box;
  texts: PlacedText[];
  legend: PlacedLegend[];
  rule: { y: number; x1: number; x2: number };
}

export const EXPORT_STYLE = {
  padding: 40,
  title: { size: 30, weight: 700 },
  summary: { size: 18, weight: 400 },
  legend: { size: 16, weight: 400 },
  sources: { size: 13, weight: 400 },
  ink: "#1b2330",
  muted: "#5b6576",
  line: "#dde1e7",
  lineHeight: 1.3,
  swatch: 14,
} as const;

/**
 * Average advance widths of Inter, per em: close enough to wrap lines where a
 * browser cannot measure (tests, the server). Browsers pass a canvas measure.
 */
export const approximateMeasure: MeasureText = (text, style) => {
  let em = 0;
  for (const ch of text) {
    if (ch === " ") em += 0.28;
    else if (/[il.,;:'|!]/.test(ch)) em += 0.27;
    else if (/[mwMW]/.test(ch)) em += 0.85;
    else if (/[A-Z0-9€$%]/.test(ch)) em += 0.66;
    else em += 0.55;
  }
  return em * style.size * (style.weight >= 600 ? 1.05 : 1);
};

/** Greedy word wrap; the last allowed line ends in "…" when text is left over. */
export function wrapText(text: string, maxWidth: number, style: TextStyle, measure: MeasureText, maxLines = Infinity): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (let i = 0; i < words.length; i++) {
    const candidate = line ? `${line} ${words[i]}` : words[i];
    if (!line || measure(candidate, style) <= maxWidth) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = words[i];
    if (lines.length === maxLines) {
      // Out of room: close the last line with an ellipsis that fits.
      let last = lines[maxLines - 1];
      while (last.includes(" ") && measure(`${last} …`, style) > maxWidth) last = last.slice(0, last.lastIndexOf(" "));
      lines[maxLines - 1] = `${last} …`;
      return lines;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function layoutChartExport(input: ChartExportText & { size: Size; measure?: MeasureText }): ChartExportLayout {
  const { size, measure = approximateMeasure } = input;
  const S = EXPORT_STYLE;
  const left = S.padding;
  const width = size.width - 2 * S.padding;
  const texts: PlacedText[] = [];
  const lh = (st: TextStyle) => Math.round(st.size * S.lineHeight);

  let y = S.padding - 4;
  for (const line of wrapText(input.title, width, S.title, measure, 2)) {
    y += lh(S.title);
    texts.push({ text: line, x: left, y: y - Math.round(S.title.size * 0.25), style: S.title, fill: S.ink });
  }
  if (input.summary) {
    y += 4;
    for (const line of wrapText(input.summary, width, S.summary, measure, 2)) {
      y += lh(S.summary);
      texts.push({ text: line, x: left, y: y - Math.round(S.summary.size * 0.25), style: S.summary, fill: S.muted });
    }
  }

  const legend: PlacedLegend[] = [];
  if (input.legend?.length) {
    y += 14;
    let x = left;
    const rowHeight = lh(S.legend) + 4;
    let rowTop = y;
    for (const item of input.legend) {
      const w = S.swatch + 8 + measure(item.label, S.legend);
      if (x > left && x + w > left + width) {
        x = left;
        rowTop += rowHeight;
      }
      legend.push({ item, x, y: rowTop + rowHeight / 2 });
      x += w + 24;
    }
    y = rowTop + rowHeight;
  }

  // The footer is laid out from the bottom up: credit, then up to four lines of sources.
  const footerLines = wrapText(input.sources, width, S.sources, measure, 4);
  const credit = input.credit ? [input.credit] : [];
  const footerHeight = (footerLines.length + credit.length) * lh(S.sources) + 12;
  let fy = size.height - S.padding + 8 - footerHeight;
  const rule = { y: fy, x1: left, x2: left + width };
  fy += 10;
  for (const line of footerLines) {
    fy += lh(S.sources);
    texts.push({ text: line, x: left, y: fy - 4, style: S.sources, fill: S.muted });
  }
  for (const line of credit) {
    fy += lh(S.sources);
    texts.push({ text: line, x: left, y: fy - 4, style: { size: S.sources.size, weight: 600 }, fill: S.muted });
  }

  const top = y + 16;
  const chartBox = { x: left - 8, y: top, width: width + 16, height: Math.max(120, rule.y - 12 - top) };
  return { size, title: input.title, chartBox, texts, legend, rule };
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

function legendMark(p: PlacedLegend): string {
  const s = EXPORT_STYLE.swatch;
  const c = escapeXml(p.item.color);
  const top = p.y - s / 2;
  if (p.item.shape === "dash") return `<line x1="${p.x}" x2="${p.x + s}" y1="${p.y}" y2="${p.y}" stroke="${c}" stroke-width="2" stroke-dasharray="4 3"/>`;
  if (p.item.shape === "line") return `<rect x="${p.x}" y="${p.y - 2}" width="${s}" height="4" rx="2" fill="${c}"/>`;
  if (p.item.shape === "dot") return `<circle cx="${p.x + s / 2}" cy="${p.y}" r="${s / 2 - 1}" fill="${c}"/>`;
  return `<rect x="${p.x}" y="${top}" width="${s}" height="${s}" rx="2" fill="${c}"/>`;
}

/**
 * The standalone SVG: `chartSvg` is the chart's own <svg> markup, drawn into
 * the layout's chart box; `fontCss` holds @font-face rules with embedded fonts.
 */
export function renderChartExportSvg(layout: ChartExportLayout, chartSvg: string, fontCss = ""): string {
  const { width, height } = layout.size;
  const S = EXPORT_STYLE;
  const text = (t: PlacedText) =>
    `<text x="${t.x}" y="${t.y}" font-size="${t.style.size}" font-weight="${t.style.weight}" fill="${t.fill}">${escapeXml(t.text)}</text>`;
  const legend = layout.legend
    .map(
      (p) =>
        `${legendMark(p)}<text x="${p.x + S.swatch + 8}" y="${p.y}" dominant-baseline="central" font-size="${S.legend.size}" fill="${S.ink}">${escapeXml(p.item.label)}</text>`,
    )
    .join("");
  const b = layout.chartBox;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(EXPORT_FONT_STACK)}" role="img" aria-label="${escapeXml(layout.title)}">`,
    `<title>${escapeXml(layout.title)}</title>`,
    fontCss ? `<style>${fontCss}</style>` : "",
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    layout.texts
      .filter((t) => t.y < layout.rule.y)
      .map(text)
      .join(""),
    legend,
    `<g transform="translate(${b.x} ${b.y})">${chartSvg}</g>`,
    `<line x1="${layout.rule.x1}" x2="${layout.rule.x2}" y1="${layout.rule.y}" y2="${layout.rule.y}" stroke="${S.line}" stroke-width="1"/>`,
    layout.texts
      .filter((t) => t.y > layout.rule.y)
      .map(text)
      .join(""),
    `</svg>`,
  ].join("");
}
