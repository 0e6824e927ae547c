import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import { basePublisher } from "../lib/export/sources";
import { apiJson, trackConsoleErrors } from "./helpers";
import { pngStats, readPng } from "./png-helpers";

/**
 * The escalation and deployments pages' charts export with their own key, the
 * full sources line (no "and N more") and a CSV of the data with sources.
 */

type Source = { id: string; publisher: string; title: string; url: string };

const SOURCE_COLUMNS = ["selection", "dataset", "data_as_of", "source_publishers", "source_titles", "source_urls"];
const COMBAT = ["troops", "special_forces", "officers"];

async function exportFrom(page: Page, chart: string, item: string, file: string): Promise<string> {
  const frame = page.getByTestId(chart);
  await frame.getByRole("button", { name: "Export", exact: true }).click();
  const download = page.waitForEvent("download");
  await frame.getByRole("button", { name: item }).click();
  const d = await download;
  await d.saveAs(file);
  return d.suggestedFilename();
}

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

/** The footer's text lines of a composed export (below the rule), joined. */
function footerText(svg: string): string {
  const ruleY = Number(/<line x1="40" x2="1160" y1="([\d.]+)"/.exec(svg)?.[1] ?? NaN);
  expect(ruleY, "the export has its footer rule").toBeGreaterThan(0);
  return [...svg.matchAll(/<text x="40" y="([\d.]+)" font-size="13"[^>]*>([^<]*)<\/text>/g)]
    .filter((m) => Number(m[1]) > ruleY)
    .map((m) => m[2])
    .join(" ");
}

/**
 * The SVG has the title, a legend label, and a sources footer naming every
 * publisher, uncut; `digest` sources may instead be summed up as "N documents
 * from M publishers, every one listed in the CSV" when not even their names fit.
 */
async function checkSvg(
  page: Page,
  chart: string,
  file: string,
  { title, legend, sources, digest = [] }: { title: string; legend: string[]; sources: Source[]; digest?: Source[] },
) {
  await exportFrom(page, chart, "Download SVG", file);
  const svg = fs.readFileSync(file, "utf8");
  expect(svg).toContain(`<title>${xml(title)}</title>`);
  for (const label of legend) expect(svg, `legend label ${label}`).toContain(`>${xml(label)}</text>`);
  const footer = footerText(svg);
  expect(footer).not.toMatch(/\band \d+ more\b/);
  expect(footer).not.toContain("…");
  expect(footer).toMatch(/Sources: /i);
  for (const p of new Set(sources.map((s) => basePublisher(s.publisher)))) expect(footer, `publisher ${p} named`).toContain(xml(p));
  const publishers = new Set(digest.map((s) => basePublisher(s.publisher)));
  const documents = new Set(digest.map((s) => s.id));
  if (digest.length && [...publishers].some((p) => !footer.includes(xml(p)))) {
    expect(footer).toContain(`${documents.size} documents from ${publishers.size} publishers, every one listed in the CSV`);
  }
  return svg;
}

async function readCsv(page: Page, chart: string, file: string): Promise<{ header: string[]; rows: Record<string, string>[] }> {
  const name = await exportFrom(page, chart, "Download CSV", file);
  expect(name).toMatch(/\.csv$/);
  const text = fs.readFileSync(file, "utf8");
  const header = (parse(text, { to_line: 1 }) as string[][])[0];
  return { header, rows: parse(text, { columns: true }) as Record<string, string>[] };
}

async function checkPng(page: Page, chart: string, file: string) {
  await exportFrom(page, chart, "Download PNG", file);
  const png = readPng(file);
  expect(png.width).toBe(2400);
  expect(png.height).toBeGreaterThanOrEqual(840);
  expect(png.height).toBeLessThanOrEqual(1350);
  expect(pngStats(png).lumaStdDev).toBeGreaterThan(20);
  // The title band and the sources band both hold text.
  expect(pngStats(png, { x: 80, y: 70, width: 600, height: 50 }).inked).toBeGreaterThan(0.03);
  expect(pngStats(png, { x: 80, y: png.height - 200, width: 1600, height: 120 }).inked).toBeGreaterThan(0.02);
}

test.describe("escalation and deployment exports", () => {
  test("escalation index: key, full sources, and a CSV row per day with that day's events and sources", async ({ page }, testInfo) => {
    const noErrors = trackConsoleErrors(page);
    await page.goto("/escalation");
    const frame = page.getByTestId("escalation-index");
    await expect(frame.locator(".recharts-line-curve").first()).toBeVisible();
    const api = await apiJson(page, "/api/escalation?halfLife=30");
    const sources: Source[] = api.events.flatMap((e: { sources: Source[] }) => e.sources);

    const svg = await checkSvg(page, "escalation-index", testInfo.outputPath("escalation-index.svg"), {
      title: "Escalation index, daily",
      legend: ["Escalation index", "Nuclear signalling & doctrine ●", "Third-country involvement & alliances ◆"],
      // Some 80 publishers do not fit a footer: they may be summed up, every one in the CSV.
      sources: [],
      digest: sources,
    });
    expect(footerText(svg)).toContain(`Escalation index: ${api.eventCount} curated events`);
    expect(footerText(svg)).toContain("method at /method");
    expect(svg).toContain("recharts-line-curve");
    expect(svg, "the event markers are in the image").toContain('data-testid="event-marker"');

    const { header, rows } = await readCsv(page, "escalation-index", testInfo.outputPath("escalation-index.csv"));
    expect(header.slice(0, 7)).toEqual(["date", "index", "nuclear", "conventional", "western_support", "third_country", "de_escalation"]);
    expect(header).toEqual(expect.arrayContaining(["event_ids", "events", ...SOURCE_COLUMNS]));
    expect(rows).toHaveLength(api.points.length);
    expect(rows[0].date).toBe(api.points[0].date);
    expect(Number(rows.at(-1)!.index)).toBeCloseTo(api.points.at(-1).value, 9);
    const eventDates = new Set(api.events.map((e: { date: string }) => e.date));
    const withEvents = rows.filter((r) => r.event_ids);
    expect(withEvents.map((r) => r.date).sort()).toEqual([...eventDates].sort());
    for (const r of withEvents) expect(r.source_urls).toMatch(/^https?:\/\//);
    const nk = rows.find((r) => r.event_ids.includes("evt-2024-10-18-north-korean-troops-deployed-to-russia"))!;
    const nkEvent = api.events.find((e: { id: string }) => e.id === "evt-2024-10-18-north-korean-troops-deployed-to-russia");
    for (const s of nkEvent.sources as Source[]) expect(nk.source_urls).toContain(s.url);

    await checkPng(page, "escalation-index", testInfo.outputPath("escalation-index.png"));
    noErrors();
  });

  test("aid and escalation: key with categories and the index line, both datasets' sources, a CSV row per month", async ({ page }, testInfo) => {
    const noErrors = trackConsoleErrors(page);
    await page.goto("/escalation");
    const frame = page.getByTestId("aid-escalation");
    await expect(frame.locator(".recharts-bar-rectangle").first()).toBeVisible();
    const series = await apiJson(page, "/api/escalation?halfLife=30");
    const aid = await apiJson(page, "/api/aid/timeseries?granularity=month");
    const months = new Set<string>([...aid.points.map((p: { period: string }) => p.period), ...series.points.map((p: { date: string }) => p.date.slice(0, 7))]);
    await expect(page.getByTestId("aid-escalation-chart")).toHaveAttribute("data-months", String(months.size));
    const indexSources: Source[] = series.events.flatMap((e: { sources: Source[] }) => e.sources);

    const svg = await checkSvg(page, "aid-escalation", testInfo.outputPath("aid-escalation.svg"), {
      title: "Aid and escalation on one time axis",
      legend: ["Military aid (EUR, left axis)", "Escalation index, monthly mean (right axis)"],
      sources: aid.sources,
      digest: indexSources,
    });
    expect(footerText(svg)).toContain("Aid sources:");
    expect(footerText(svg)).toContain("Index sources:");

    const { header, rows } = await readCsv(page, "aid-escalation", testInfo.outputPath("aid-escalation.csv"));
    expect(header).toEqual(
      expect.arrayContaining(["month", "military", "financial", "humanitarian", "aid_total", "currency", "index_monthly_mean", ...SOURCE_COLUMNS]),
    );
    expect(rows).toHaveLength(months.size);
    expect(rows.map((r) => r.month)).toEqual([...months].sort());
    const aidTotal = aid.points.reduce((s: number, p: { total: number }) => s + p.total, 0);
    expect(rows.reduce((s, r) => s + Number(r.aid_total || 0), 0)).toBeCloseTo(aidTotal, 0);
    expect(rows.every((r) => r.currency === "EUR")).toBe(true);
    expect(rows.find((r) => r.aid_total)!.source_publishers).toContain("Kiel Institute for the World Economy");
    // Every source behind the chart is on some row of the CSV.
    const urls = new Set(rows.flatMap((r) => r.source_urls.split(" | ")));
    for (const s of [...aid.sources, ...indexSources]) expect(urls, s.url).toContain(s.url);

    await checkPng(page, "aid-escalation", testInfo.outputPath("aid-escalation.png"));
    noErrors();
  });

  test("deployment timeline and personnel band: status and band keys, every source, a CSV row per report", async ({ page }, testInfo) => {
    const noErrors = trackConsoleErrors(page);
    await page.goto("/deployments");
    await expect(page.getByTestId("deployment-marker").first()).toBeVisible();
    const api = await apiJson(page, "/api/deployments?pageSize=1000");
    type Dep = { id: string; deployingCountry: string; forceType: string; personnelLow: number | null; personnelHigh: number | null; sources: Source[] };
    const items: Dep[] = api.items;
    expect(items).toHaveLength(api.total);

    await checkSvg(page, "deployment-timeline", testInfo.outputPath("deployment-timeline.svg"), {
      title: "Deployment reports by deploying country",
      legend: ["Acknowledged (square): acknowledged by the deploying or host state"],
      sources: items.flatMap((d) => d.sources),
    });
    const timeline = await readCsv(page, "deployment-timeline", testInfo.outputPath("deployment-timeline.csv"));
    expect(timeline.header).toEqual(
      expect.arrayContaining(["id", "date", "deploying_country", "location", "personnel_low", "personnel_high", "status", ...SOURCE_COLUMNS]),
    );
    expect(timeline.rows).toHaveLength(api.total);
    expect(timeline.rows.map((r) => r.id).sort()).toEqual(items.map((d) => d.id).sort());
    for (const r of timeline.rows) {
      const d = items.find((i) => i.id === r.id)!;
      expect(r.source_urls.split(" | ").sort()).toEqual(d.sources.map((s) => s.url).sort());
    }
    await checkPng(page, "deployment-timeline", testInfo.outputPath("deployment-timeline.png"));

    // The band opens on the deploying country with most reports giving a figure.
    const counts = new Map<string, number>();
    for (const d of items) if (d.personnelLow !== null || d.personnelHigh !== null) counts.set(d.deployingCountry, (counts.get(d.deployingCountry) ?? 0) + 1);
    const country = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
    const reports = items.filter(
      (d) => d.deployingCountry === country && COMBAT.includes(d.forceType) && (d.personnelLow !== null || d.personnelHigh !== null),
    );
    expect(reports.length).toBeGreaterThan(0);
    const title = (await page.getByTestId("deployment-personnel").getByRole("heading").first().textContent())!.trim();
    await checkSvg(page, "deployment-personnel", testInfo.outputPath("deployment-personnel.svg"), {
      title,
      legend: ["Low–high range (reports giving both figures)", "▲ at least (lower bound only)"],
      sources: reports.flatMap((d) => d.sources),
    });
    const personnel = await readCsv(page, "deployment-personnel", testInfo.outputPath("deployment-personnel.csv"));
    expect(personnel.header.slice(0, 5)).toEqual(["date", "low", "high", "bound", "status"]);
    expect(personnel.header).toEqual(expect.arrayContaining(["location", ...SOURCE_COLUMNS]));
    expect(personnel.rows).toHaveLength(reports.length);
    expect(personnel.rows.map((r) => r.id).sort()).toEqual(reports.map((d) => d.id).sort());
    expect(personnel.rows.every((r) => r.deploying_country === country && /^https?:\/\//.test(r.source_urls))).toBe(true);
    await checkPng(page, "deployment-personnel", testInfo.outputPath("deployment-personnel.png"));
    noErrors();
  });
});
