import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDataExplorer, TOTAL_TOLERANCE_BN } from "@/lib/import/kiel/parse-data-explorer";
import { MAX_ISSUES } from "@/lib/import/kiel/csv";

const HEADER = `"country","iso","year","month","total","financial","humanitarian","military","commitments","to_be_allocated","gdp","pct_gdp"`;
const ROW_A = `"Australia","AUS",2022,2,0.002645,0,0,0.002645,0.002645,0,1312.77,0.0002`;
const ROW_B = `"Australia","AUS",2022,3,0.142911,0,0.0653,0.077611,0.142912,0.000001,1312.77,0.01`;

function csv(...lines: string[]): string {
  return `${lines.join("\n")}\n`;
}

function issuesOf(text: string) {
  const r = parseDataExplorer(text);
  if (r.ok) throw new Error("expected the file to be rejected");
  return r.issues;
}

describe("parseDataExplorer", () => {
  it("parses rows with their line numbers and amounts in bn EUR", () => {
    const r = parseDataExplorer(csv(HEADER, ROW_A, ROW_B));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.hasCommitments).toBe(true);
    expect(r.value.rows).toHaveLength(2);
    expect(r.value.rows[1]).toEqual({
      line: 3,
      country: "Australia",
      iso: "AUS",
      year: 2022,
      month: 3,
      total: 0.142911,
      financial: 0,
      humanitarian: 0.0653,
      military: 0.077611,
      commitments: 0.142912,
      toBeAllocated: 0.000001,
      gdp: 1312.77,
    });
  });

  it("accepts the real R29 file", () => {
    const file = path.resolve(process.cwd(), "../shared/data/kiel-ust-r29/data_explorer.csv");
    if (!fs.existsSync(file)) throw new Error(`Reference release missing: ${file}`);
    const r = parseDataExplorer(fs.readFileSync(file, "utf8"));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.rows).toHaveLength(1079);
  });

  it("accepts an older file without commitments and to_be_allocated", () => {
    const r = parseDataExplorer(csv(`country,iso,year,month,total,financial,humanitarian,military,gdp`, `Austria,AUT,2022,3,0.01,0,0.01,0,406.1`));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.hasCommitments).toBe(false);
    expect(r.value.hasToBeAllocated).toBe(false);
    expect(r.value.rows[0].commitments).toBeNull();
  });

  it("accepts a negative to_be_allocated (it is a difference, never used)", () => {
    const r = parseDataExplorer(csv(HEADER, `"Austria","AUT",2024,6,0.01,0,0.01,0,0.006,-0.004,406.1,0.002`));
    expect(r.ok).toBe(true);
  });

  it("handles a BOM, CRLF line ends and blank lines without shifting line numbers", () => {
    const text = `\ufeff${HEADER}\r\n${ROW_A}\r\n\r\n"Australia","AUS",2022,13,0,0,0,0,0,0,1,0\r\n`;
    expect(issuesOf(text)).toEqual([expect.objectContaining({ line: 4, column: "month" })]);
  });

  it.each([
    ["country", 1],
    ["iso", 1],
    ["military", 1],
    ["total", 1],
  ])("rejects a file without the required column %s, on line 1", (column) => {
    const header = HEADER.split(",")
      .filter((h) => h !== `"${column}"`)
      .join(",");
    const issues = issuesOf(csv(header));
    expect(issues).toEqual([expect.objectContaining({ line: 1, column, message: expect.stringContaining("missing required column") })]);
  });

  it("names line and column of a text amount, a negative amount, month 13 and a total mismatch", () => {
    const issues = issuesOf(
      csv(
        HEADER,
        ROW_A,
        `"Australia","AUS",2022,3,0.1,0,abc,0.1,0,0,1,0`,
        `"Australia","AUS",2022,4,0.1,0,0,-0.1,0,0,1,0`,
        `"Australia","AUS",2022,13,0,0,0,0,0,0,1,0`,
        `"Australia","AUS",2022,5,0.2,0,0,0.1,0,0,1,0`,
        `"Australia","AUS",2022,6,0.1,0,0,0.1,-1,0,1,0`,
      ),
    );
    expect(issues.map((i) => [i.line, i.column])).toEqual([
      [3, "humanitarian"],
      [4, "military"],
      [5, "month"],
      [6, "total"],
      [7, "commitments"],
    ]);
    expect(issues[0].message).toContain('"abc"');
    expect(issues[0].file).toBe("data_explorer.csv");
  });

  it("rejects a duplicated donor-month, citing the first line", () => {
    const issues = issuesOf(csv(HEADER, ROW_A, ROW_B, ROW_A));
    expect(issues).toEqual([expect.objectContaining({ line: 4, column: "iso", message: expect.stringContaining("line 2") })]);
  });

  it("tolerates rounding in total but not more", () => {
    const within = `"Australia","AUS",2022,3,0.100001,0.033333,0.033333,0.033334,0,0,1,0`;
    expect(parseDataExplorer(csv(HEADER, within)).ok).toBe(true);
    const beyond = `"Australia","AUS",2022,3,${0.1 + TOTAL_TOLERANCE_BN * 2},0,0,0.1,0,0,1,0`;
    expect(issuesOf(csv(HEADER, beyond))[0].column).toBe("total");
  });

  it("rejects missing values, bad codes, wrong field counts and empty files", () => {
    expect(issuesOf("")[0]).toMatchObject({ line: 1 });
    expect(issuesOf(csv(HEADER))[0].message).toContain("no data rows");
    expect(issuesOf(csv(HEADER, `"Australia","AUS",2022,3,,0,0,0,0,0,1,0`))[0]).toMatchObject({ line: 2, column: "total" });
    expect(issuesOf(csv(HEADER, `"Australia","A U S",2022,3,0,0,0,0,0,0,1,0`))[0]).toMatchObject({ line: 2, column: "iso" });
    expect(issuesOf(csv(HEADER, `"Australia","AUS",2022,3,0,0`))[0]).toMatchObject({ line: 2, column: "" });
    expect(issuesOf(csv(HEADER, `"Australia","AUS",2022.5,3,0,0,0,0,0,0,1,0`))[0]).toMatchObject({ line: 2, column: "year" });
  });

  it(`keeps at most ${MAX_ISSUES} issues but counts them all`, () => {
    const bad = Array.from({ length: 30 }, (_, i) => `"Australia","AUS",${2000 + i},13,0,0,0,0,0,0,1,0`);
    const r = parseDataExplorer(csv(HEADER, ...bad));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(MAX_ISSUES);
    expect(r.issueCount).toBe(30);
  });
});
