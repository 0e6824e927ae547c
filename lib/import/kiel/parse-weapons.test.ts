import { describe, expect, it } from "vitest";
import { parseWeapons } from "@/lib/import/kiel/parse-weapons";

const HEADER = `"donor","category","number_of_weapons","monetary_value_eur","weapons_list"`;

describe("parseWeapons", () => {
  it("parses counts and EUR values (not billions)", () => {
    const r = parseWeapons(`${HEADER}\n"Australia","Tanks",49,463047927,"M1A1 Abrams (49)"\n`);
    expect(r).toEqual({
      ok: true,
      value: [{ line: 2, donor: "Australia", category: "Tanks", count: 49, valueEur: 463047927, weaponsList: "M1A1 Abrams (49)" }],
    });
  });

  it("names line and column of bad values and duplicates", () => {
    const r = parseWeapons([HEADER, `"A","Tanks",1.5,1,""`, `"A","IFV",1,-3,""`, `"A","IFV",2,3,""`, `"","MLRS",1,1,""`].join("\n"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.line, i.column])).toEqual([
      [2, "number_of_weapons"],
      [3, "monetary_value_eur"],
      [4, "category"],
      [5, "donor"],
    ]);
    expect(r.issues[0].file).toBe("weapons.csv");
  });

  it("rejects a missing required column", () => {
    const r = parseWeapons(`"donor","category","number_of_weapons"\n"A","Tanks",1\n`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ line: 1, column: "monetary_value_eur" });
  });
});
