import { describe, expect, it } from "vitest";
import type { SourceDto } from "@/lib/sources/dto";
import { formatSources, groupSourcesByPublisher, sourcesLine } from "./sources";

const src = (id: string, publisher: string, releaseLabel: string | null = null): SourceDto => ({
  id,
  publisher,
  title: `Title ${id}`,
  url: `https://example.org/${id}`,
  publishedAt: null,
  releaseLabel,
});

const kiel = src("kiel", "Kiel Institute for the World Economy", "Ukraine Support Tracker, Release 29 (04/2026)");

describe("groupSourcesByPublisher", () => {
  it("groups syndicated copies under the agency, counts distinct documents once each", () => {
    const groups = groupSourcesByPublisher([
      src("a", "Associated Press (via KSL)"),
      src("b", "Reuters"),
      src("c", "Associated Press (via The Hindu)"),
      src("a", "Associated Press (via KSL)"),
      src("d", "Ukrainska Pravda (citing Reuters)"),
    ]);
    expect(groups).toEqual([
      { publisher: "Associated Press", labels: [], count: 2 },
      { publisher: "Reuters", labels: [], count: 1 },
      { publisher: "Ukrainska Pravda", labels: [], count: 1 },
    ]);
  });
});

describe("formatSources", () => {
  it("names releases, and counts reports of one publisher", () => {
    expect(formatSources([kiel, src("ecb", "European Central Bank"), src("r1", "Reuters"), src("r2", "Reuters")])).toBe(
      "Kiel Institute for the World Economy, Ukraine Support Tracker, Release 29 (04/2026); European Central Bank; Reuters (2 reports)",
    );
  });
});

describe("sourcesLine", () => {
  it("starts with the dataset and its date and ends with a note", () => {
    expect(sourcesLine({ sources: [kiel], datasetName: "Kiel UST R29", asOf: "2026-04-30", note: "Converted at ECB rates" })).toBe(
      "Data: Kiel UST R29, as of 2026-04-30. Sources: Kiel Institute for the World Economy, Ukraine Support Tracker, Release 29 (04/2026). Converted at ECB rates.",
    );
  });

  it("says so when nothing is behind the figures", () => {
    expect(sourcesLine({ sources: [] })).toBe("No sources: no figures in this selection.");
  });
});
