import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { aidRecordsToCsv } from "@/lib/aid/csv";
import type { AidContext, AidRecordDto } from "@/lib/aid/queries";
import { parseAidCsvRow } from "@/lib/import/aid/row-schema";

const context = {
  dataset: { id: "curated", name: "Curated", kind: "curated", description: "", asOf: null, source: null, measures: [], subcategories: [], recordCount: 1 },
  measure: "allocation",
  currency: "EUR",
  unit: "EUR",
  filters: { donor: [], category: [], subcategory: [], from: null, to: null },
  fx: { rates: [] },
  sources: [],
} as AidContext;

const source = (id: string, url: string, publisher: string, title: string) => ({ id, url, publisher, title, publishedAt: null, releaseLabel: null });
const record: AidRecordDto = {
  id: "curated--pkg-1",
  datasetId: "curated",
  donorCode: "DEU",
  donorName: "Germany",
  date: "2024-05-01",
  granularity: "day",
  category: "military",
  subcategory: null,
  measure: "allocation",
  amount: 1500000,
  currency: "EUR",
  value: 1500000,
  valueCurrency: "EUR",
  fxRate: null,
  notes: "a note",
  sources: [source("s1", "https://a.example/x|y", "Pub | One", "Title A"), source("s2", "https://b.example/", "Pub Two", "News | Site")],
};

describe("aidRecordsToCsv", () => {
  it("writes the import format: the key, and sources joined by ' | ' that never occurs inside a value", () => {
    const [row] = parse(aidRecordsToCsv(context, [record]), { columns: true }) as Record<string, string>[];
    expect(row.external_key).toBe("pkg-1");
    expect(row.source_urls).toBe("https://a.example/x%7Cy | https://b.example/");
    expect(row.source_publishers).toBe("Pub ¦ One | Pub Two");
    expect(row.source_titles).toBe("Title A | News ¦ Site");
    const back = parseAidCsvRow(row);
    expect(back.ok && back.record).toMatchObject({
      externalKey: "pkg-1",
      amount: 1500000,
      notes: "a note",
      sources: [
        { url: "https://a.example/x%7Cy", publisher: "Pub ¦ One", title: "Title A" },
        { url: "https://b.example/", publisher: "Pub Two", title: "News ¦ Site" },
      ],
    });
  });
});
