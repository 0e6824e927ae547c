import { describe, expect, it } from "vitest";
import { neutraliseCsvCell } from "./csv-safe";
import { chartCsv } from "./chart-csv";
import { parse } from "csv-parse/sync";

describe("neutraliseCsvCell", () => {
  it.each(["=1+1", "+1+cmd", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("x")', "=cmd|' /C calc'!A0"])("prefixes %j", (v) => {
    expect(neutraliseCsvCell(v)).toBe(`'${v}`);
  });
  it.each(["-3", "+1.5", "-2e3", "-.5", "abc", "", "2024-01-01", "a=b", "−3"])("leaves %j alone", (v) => {
    expect(neutraliseCsvCell(v)).toBe(v);
  });
});

describe("chartCsv", () => {
  it("neutralises text cells and leaves numbers (negative ones too) as numbers", () => {
    const csv = chartCsv({
      columns: ["label", "value"],
      rows: [
        { label: "=HYPERLINK(1)", value: -3 },
        { label: "-4", value: 2 },
      ],
      provenance: { selection: "@sel", sources: [{ id: "s", publisher: "+P", title: "T", url: "https://x.example", publishedAt: null, releaseLabel: null }] },
    });
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({ label: "'=HYPERLINK(1)", value: "-3", selection: "'@sel", source_publishers: "'+P" });
    expect(rows[1]).toMatchObject({ label: "-4", value: "2" });
  });
});

describe("restoreCsvCell", () => {
  it("undoes neutraliseCsvCell and leaves everything else alone", async () => {
    const { neutraliseCsvCell, restoreCsvCell } = await import("./csv-safe");
    for (const v of ['=HYPERLINK("http://evil.example","x")', "=cmd|' /C calc'!A0", "@SUM(A1)", "+x", "-x", "\tx", "plain", "-3", "'quoted", "it's"]) {
      expect(restoreCsvCell(neutraliseCsvCell(v))).toBe(v);
    }
    expect(restoreCsvCell("'=1+1")).toBe("=1+1");
    expect(restoreCsvCell("'-3")).toBe("'-3");
  });
});
