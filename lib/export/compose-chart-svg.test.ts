import { describe, expect, it } from "vitest";
import { approximateMeasure, escapeXml, layoutChartExport, renderChartExportSvg, wrapText } from "./compose-chart-svg";
import { EXPORT_SIZES } from "./sizes";

const perChar = (text: string, style: { size: number }) => text.length * style.size * 0.5;

describe("wrapText", () => {
  it("breaks at spaces within the width", () => {
    expect(wrapText("one two three four", 50, { size: 10, weight: 400 }, perChar)).toEqual(["one two", "three four"]);
  });

  it("ends the last allowed line with an ellipsis", () => {
    const lines = wrapText("aa bb cc dd ee ff gg", 40, { size: 10, weight: 400 }, perChar, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
  });

  it("keeps a single long word on its own line rather than dropping it", () => {
    expect(wrapText("supercalifragilistic", 20, { size: 10, weight: 400 }, perChar)).toEqual(["supercalifragilistic"]);
  });
});

describe("layoutChartExport", () => {
  const base = {
    size: EXPORT_SIZES.timeseries,
    title: "Aid over time",
    summary: "All donors · all categories · allocations · Jan 2022 – Apr 2026 · EUR",
    legend: [
      { label: "Military", color: "#0072b2" },
      { label: "Financial", color: "#e69f00" },
    ],
    sources: "Data: Ukraine Support Tracker, as of 2026-04-30. Sources: Kiel Institute for the World Economy.",
    credit: "Aid & Escalation Monitor · exported 28 Nov 2026",
  };

  it("puts the chart between the header and the footer, inside the canvas", () => {
    const l = layoutChartExport(base);
    const lastHeader = Math.max(...l.texts.filter((t) => t.y < l.rule.y).map((t) => t.y));
    expect(l.chartBox.y).toBeGreaterThan(lastHeader);
    expect(l.chartBox.y + l.chartBox.height).toBeLessThan(l.rule.y);
    expect(l.chartBox.height).toBeGreaterThan(400);
    const lowest = Math.max(...l.texts.map((t) => t.y));
    expect(lowest).toBeLessThanOrEqual(base.size.height - 20);
  });

  it("is the same layout for the same input (no dependence on the screen)", () => {
    expect(layoutChartExport(base)).toEqual(layoutChartExport(base));
  });

  it("wraps a long legend onto more rows and leaves less room for the chart", () => {
    const many = { ...base, legend: Array.from({ length: 16 }, (_, i) => ({ label: `Series number ${i}`, color: "#000" })) };
    const a = layoutChartExport(base);
    const b = layoutChartExport(many);
    expect(new Set(b.legend.map((p) => p.y)).size).toBeGreaterThan(1);
    expect(b.chartBox.height).toBeLessThan(a.chartBox.height);
  });
});

describe("renderChartExportSvg", () => {
  it("writes a standalone SVG with title, summary, legend, chart and sources, escaped", () => {
    const layout = layoutChartExport({
      size: EXPORT_SIZES["donor-bars"],
      title: "Aid by donor <top 10> & more",
      summary: "Germany · military",
      legend: [{ label: "Military", color: "#0072b2" }],
      sources: "Sources: Kiel Institute for the World Economy.",
      measure: approximateMeasure,
    });
    const svg = renderChartExportSvg(layout, '<svg width="10" height="10"><rect width="10" height="10"/></svg>', "@font-face{}");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="800"/);
    expect(svg).toContain("<title>Aid by donor &lt;top 10&gt; &amp; more</title>");
    expect(svg).toContain(">Germany · military</text>");
    expect(svg).toContain(">Military</text>");
    expect(svg).toContain("Kiel Institute for the World Economy.</text>");
    expect(svg).toContain('<rect width="10" height="10"/>');
    expect(svg).toContain("<style>@font-face{}</style>");
    expect(svg.endsWith("</svg>")).toBe(true);
  });

  it("escapes all XML specials", () => {
    expect(escapeXml(`a<b>&"c"'d'`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;");
  });
});
