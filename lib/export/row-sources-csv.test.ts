import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { SourceDto } from "@/lib/sources/dto";
import { PROVENANCE_COLUMNS } from "./chart-csv";
import { rowSourcedCsv } from "./row-sources-csv";

const src = (id: string, publisher: string): SourceDto => ({
  id,
  publisher,
  title: `T ${id}`,
  url: `https://example.org/${id}`,
  publishedAt: null,
  releaseLabel: null,
});

describe("rowSourcedCsv", () => {
  it("gives each row its own sources, once each, after the data columns", () => {
    const csv = rowSourcedCsv({
      columns: ["date", "value"],
      rows: [
        { values: { date: "2024-01-01", value: 1.5 }, sources: [src("a", "Reuters"), src("a", "Reuters"), src("b", "AP")] },
        { values: { date: "2024-01-02", value: null }, sources: [] },
      ],
      selection: "All",
      dataset: "Events",
    });
    const [header] = parse(csv, { to_line: 1 }) as string[][];
    expect(header).toEqual(["date", "value", ...PROVENANCE_COLUMNS]);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      {
        date: "2024-01-01",
        value: "1.5",
        selection: "All",
        dataset: "Events",
        data_as_of: "",
        source_publishers: "Reuters | AP",
        source_titles: "T a | T b",
        source_urls: "https://example.org/a | https://example.org/b",
      },
      { date: "2024-01-02", value: "", selection: "All", dataset: "Events", data_as_of: "", source_publishers: "", source_titles: "", source_urls: "" },
    ]);
  });
});
