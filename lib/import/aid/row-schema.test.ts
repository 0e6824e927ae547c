import { describe, expect, it } from "vitest";
import { AidCsvRowValidator, parseAidCsvRow } from "@/lib/import/aid/row-schema";

const good = {
  date: "2024-03-01",
  donor_code: "deu",
  category: "military",
  measure: "allocation",
  amount: "1250000.5",
  currency: "EUR",
  granularity: "month",
  source_urls: "https://a.example/1 | https://b.example/2",
  source_publishers: "Pub A | Pub B",
  source_titles: "Title A | Title B",
  notes: "",
  external_key: " k1 ",
};

describe("parseAidCsvRow", () => {
  it("types a valid row and pairs sources by position", () => {
    const r = parseAidCsvRow(good);
    expect(r).toEqual({
      ok: true,
      record: {
        date: "2024-03-01",
        donorCode: "DEU",
        category: "military",
        subcategory: null,
        granularity: "month",
        measure: "allocation",
        amount: 1250000.5,
        currency: "EUR",
        notes: null,
        externalKey: "k1",
        sources: [
          { url: "https://a.example/1", publisher: "Pub A", title: "Title A" },
          { url: "https://b.example/2", publisher: "Pub B", title: "Title B" },
        ],
      },
    });
  });

  it("defaults granularity to day and titles to none when the columns are absent", () => {
    const { granularity: _g, source_titles: _t, ...rest } = good;
    const r = parseAidCsvRow({ ...rest, date: "2024-03-17", source_urls: "https://a.example/1", source_publishers: "Pub A" });
    expect(r.ok && r.record.granularity).toBe("day");
    expect(r.ok && r.record.sources).toEqual([{ url: "https://a.example/1", publisher: "Pub A", title: null }]);
  });

  it.each([
    [{ date: "2024-02-30" }, "date"],
    [{ date: "2024-03-05" }, "date"], // monthly figure not on the 1st
    [{ donor_code: "TOO-LONG" }, "donor_code"],
    [{ category: "cyber" }, "category"],
    [{ measure: "pledge" }, "measure"],
    [{ amount: "1,000" }, "amount"],
    [{ amount: "0" }, "amount"],
    [{ amount: "-5" }, "amount"],
    [{ currency: "GBP" }, "currency"],
    [{ source_urls: "" }, "source_urls"],
    [{ source_urls: "ftp://x.example/a | https://b.example/2" }, "source_urls"],
    [{ source_publishers: "Pub A" }, "source_publishers"],
    [{ source_titles: "Only one" }, "source_titles"],
    [{ subcategory: "tanks" }, "subcategory"],
  ])("rejects %j naming the column", (patch, column) => {
    const r = parseAidCsvRow({ ...good, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.column)).toContain(column);
  });
});

describe("AidCsvRowValidator", () => {
  it("gives the same verdicts as the schema, also on repeated cells", () => {
    const v = new AidCsvRowValidator();
    const rows = [
      good,
      { ...good, amount: "x" },
      { ...good, date: "2024-03-05" },
      { ...good, source_publishers: "one" },
      { ...good, donor_code: "usa", external_key: "" },
      good,
      { ...good, amount: "x" },
    ];
    for (const row of [...rows, ...rows]) expect(v.parse(row)).toEqual(parseAidCsvRow(row));
  });
});
