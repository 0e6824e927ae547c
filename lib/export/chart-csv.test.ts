import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { chartCsv } from "./chart-csv";

describe("chartCsv", () => {
  it("writes the chart's rows with provenance columns on each, quoting where needed", () => {
    const csv = chartCsv({
      columns: ["period", "military", "total"],
      rows: [
        { period: "2024-01", military: 1.5e9, total: 2e9 },
        { period: "2024-02", military: 0, total: null },
      ],
      provenance: {
        selection: "Germany, France · military",
        dataset: "Ukraine Support Tracker, Release 29",
        asOf: "2026-04-30",
        sources: [
          { id: "a", publisher: "Kiel Institute", title: 'Tracker, "R29"', url: "https://a", publishedAt: null, releaseLabel: null },
          { id: "b", publisher: "ECB", title: "FX", url: "https://b", publishedAt: null, releaseLabel: null },
        ],
      },
    });
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([
      "period",
      "military",
      "total",
      "selection",
      "dataset",
      "data_as_of",
      "source_publishers",
      "source_titles",
      "source_urls",
    ]);
    expect(rows[0]).toMatchObject({ period: "2024-01", military: "1500000000", total: "2000000000", selection: "Germany, France · military" });
    expect(rows[1]).toMatchObject({ military: "0", total: "" });
    expect(rows[1].source_titles).toBe('Tracker, "R29" | FX');
    expect(rows[1].source_urls).toBe("https://a | https://b");
  });
});
