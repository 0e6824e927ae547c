import { describe, expect, it } from "vitest";
import type { SourceDto } from "@/lib/sources/dto";
import { approximateMeasure, EXPORT_STYLE, wrapText } from "./compose-chart-svg";
import { fitSourcesLine, listSources } from "./fit-sources";

const src = (id: string, publisher: string, title = `Report ${id}`, releaseLabel: string | null = null): SourceDto => ({
  id,
  publisher,
  title,
  url: `https://example.org/${id}`,
  publishedAt: null,
  releaseLabel,
});

const few = [src("a", "Reuters", "Strike on Kyiv"), src("b", "Associated Press (via KSL)", "Missiles hit"), src("a", "Reuters", "Strike on Kyiv")];

/** Many publishers with long titles: too much for four lines with titles, not with names. */
const many = Array.from({ length: 60 }, (_, i) =>
  src(`s${i}`, `Publisher number ${i % 30}${i % 3 === 0 ? " (via Syndicate)" : ""}`, `A fairly long headline about an event, number ${i}, with detail`),
);

const lines = (text: string) => wrapText(text, 1120, EXPORT_STYLE.sources, approximateMeasure).length;

describe("listSources", () => {
  it("writes every document once with its title, or each publisher once with or without counts", () => {
    expect(listSources(few, "titles")).toBe("Reuters – Strike on Kyiv; Associated Press (via KSL) – Missiles hit");
    const more = [...few, src("c", "Reuters", "Second")];
    expect(listSources(more, "counts")).toBe("Reuters (2 reports); Associated Press");
    expect(listSources(more, "compact")).toBe("Reuters (2); Associated Press");
    expect(listSources(more, "names")).toBe("Reuters; Associated Press");
  });

  it("names a tracker release by its label", () => {
    const kiel = src("k", "Kiel Institute", "Data", "Ukraine Support Tracker, Release 29");
    expect(listSources([kiel], "titles")).toBe("Kiel Institute, Ukraine Support Tracker, Release 29");
    expect(listSources([kiel], "names")).toBe("Kiel Institute, Ukraine Support Tracker, Release 29");
  });
});

describe("fitSourcesLine", () => {
  it("keeps the fullest lead and every title when they fit", () => {
    const r = fitSourcesLine({ leads: ["Index: 3 events, method at /method", "Index"], sections: [{ sources: few }], note: "FX note", width: 1120 });
    expect(r).toEqual({
      text: "Index: 3 events, method at /method. Sources: Reuters – Strike on Kyiv; Associated Press (via KSL) – Missiles hit. FX note.",
      form: "titles",
      lines: 1,
    });
  });

  it("drops titles, then counts, before cutting anything, and never ends in an ellipsis", () => {
    const r = fitSourcesLine({ leads: ["A long lead ".repeat(8), "Short lead"], sections: [{ sources: many }], width: 1120 });
    expect(["counts", "compact", "names"]).toContain(r.form);
    expect(r.lines).toBeLessThanOrEqual(4);
    expect(lines(r.text)).toBe(r.lines);
    expect(r.text).not.toContain("…");
    for (let i = 0; i < 30; i++) expect(r.text).toContain(`Publisher number ${i}`);
    expect(r.text).not.toContain("headline");
  });

  it("tries the shorter lead before giving up the counts", () => {
    const sources = Array.from({ length: 24 }, (_, i) => src(`x${i}`, `Outlet ${i}`));
    sources.push(src("y", "Outlet 1"));
    const long = "Lead with a great deal of method detail ".repeat(9);
    const r = fitSourcesLine({ leads: [long, "Short lead"], sections: [{ sources }], width: 1120, maxLines: 2 });
    expect(r.text.startsWith("Short lead.")).toBe(true);
    expect(r.text).toContain("Outlet 1 (2 reports)");
  });

  it("labels each section and says when one has no sources", () => {
    const r = fitSourcesLine({
      leads: ["Lead"],
      sections: [
        { label: "Aid", sources: few },
        { label: "Index", sources: [] },
      ],
      width: 1120,
    });
    expect(r.text).toContain("Aid sources: Reuters – Strike on Kyiv");
    expect(r.text).toContain("Index sources: none recorded for this selection.");
  });

  it("falls back to a digest of the largest section's most-cited publishers that says the CSV lists them all", () => {
    const r = fitSourcesLine({
      leads: ["Lead"],
      sections: [
        { label: "Aid", sources: few },
        { label: "Index", sources: many },
      ],
      width: 600,
      maxLines: 3,
    });
    expect(r.form).toBe("digest");
    expect(r.text).toMatch(
      /^Lead\. Aid sources: Reuters; Associated Press\. Index sources: 60 documents from 30 publishers, every one listed in the CSV; most cited: Publisher number 0 \(2\)/,
    );
    expect(r.lines).toBeLessThanOrEqual(3);
    expect(r.text).not.toContain("…");
  });
});
