import { IssueList, readAmount, readCsv, readInteger, readText } from "@/lib/import/kiel/csv";
import type { ParseResult } from "@/lib/import/kiel/parse-data-explorer";

export const WEAPONS_REQUIRED = ["donor", "category", "number_of_weapons", "monetary_value_eur"] as const;

/** One row of weapons.csv. The donor is given by name; the value is in EUR (not billions). */
export interface WeaponsRow {
  line: number;
  donor: string;
  category: string;
  count: number;
  valueEur: number;
  weaponsList: string;
}

/** Parses and validates weapons.csv (pure). Donor names are resolved later, by the plan. */
export function parseWeapons(text: string, file = "weapons.csv"): ParseResult<WeaponsRow[]> {
  const issues = new IssueList(file);
  const table = readCsv(text, issues, WEAPONS_REQUIRED);
  if (!table) return { ok: false, issues: issues.items, issueCount: issues.count };
  const rows: WeaponsRow[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const before = issues.count;
    const donor = readText(row, "donor", issues);
    const category = readText(row, "category", issues);
    const count = readInteger(row, "number_of_weapons", issues, 0, 10_000_000);
    const valueEur = readAmount(row, "monetary_value_eur", issues);
    const weaponsList = row.get("weapons_list")?.trim() ?? "";
    if (donor !== undefined && category !== undefined) {
      const key = `${donor.toLowerCase()}|${category.toLowerCase()}`;
      const first = seen.get(key);
      if (first !== undefined) {
        issues.add(row.line, "category", `duplicate donor and category: ${donor} / ${category} already appears on line ${first}`);
      } else {
        seen.set(key, row.line);
      }
    }
    if (issues.count > before) continue;
    rows.push({ line: row.line, donor: donor!, category: category!, count: count!, valueEur: valueEur!, weaponsList });
  }
  if (issues.count > 0) return { ok: false, issues: issues.items, issueCount: issues.count };
  return { ok: true, value: rows };
}
