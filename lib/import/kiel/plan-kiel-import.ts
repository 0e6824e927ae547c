import { IssueList } from "@/lib/import/kiel/csv";
import { monthKey, type DataExplorer, type ParseResult } from "@/lib/import/kiel/parse-data-explorer";
import type { WeaponsRow } from "@/lib/import/kiel/parse-weapons";
import { totalsOf, type DiffRecord, type KielTotals } from "@/lib/import/kiel/diff-releases";
import { KIEL_DATASET_ID } from "@/lib/import/kiel/release-meta";

/** Allocation categories of data_explorer.csv, in the order records are written. */
export const ALLOCATION_CATEGORIES = ["military", "financial", "humanitarian"] as const;

export interface PlannedRecord {
  id: string;
  externalKey: string;
  donorCode: string;
  /** First day of the month, UTC. */
  date: Date;
  /** YYYY-MM */
  month: string;
  granularity: "month";
  category: "military" | "financial" | "humanitarian" | "unspecified";
  measure: "allocation" | "commitment";
  /** EUR (file value × 1e9, rounded to cents). */
  amount: number;
  currency: "EUR";
}

export interface PlannedGdp {
  donorCode: string;
  gdpEur: number;
}

export interface PlannedWeapons {
  id: string;
  donorCode: string;
  category: string;
  count: number;
  valueEur: number;
  weaponsList: string;
}

export interface KielSummary {
  rowsRead: number;
  donors: number;
  /** Codes of donors the database does not know yet (created with the file's country name). */
  newDonors: string[];
  months: number;
  firstMonth: string;
  lastMonth: string;
  hasCommitments: boolean;
  recordCount: number;
  allocationRecords: number;
  commitmentRecords: number;
  gdpCount: number;
  weaponsCount: number;
  /** bn EUR per measure and category. */
  totals: KielTotals;
}

export interface KielPlan {
  donorsToCreate: { code: string; name: string }[];
  records: PlannedRecord[];
  gdp: PlannedGdp[];
  weapons: PlannedWeapons[];
  summary: KielSummary;
}

export interface PlanInput {
  dataExplorer: DataExplorer;
  weapons: WeaponsRow[] | null;
  /** Donors already in the database. */
  knownDonors: { code: string; name: string }[];
  weaponsFile?: string;
  datasetId?: string;
}

/** bn EUR → EUR, rounded to cents so 0.002645 becomes 2645000 and not 2645000.0000000005. */
export function bnToEur(bn: number): number {
  return Math.round(bn * 1e11) / 100;
}

export function kielExternalKey(iso: string, month: string, category: string, measure: string): string {
  return `${iso}-${month}-${category}-${measure}`;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const norm = (s: string) => s.trim().toLowerCase();

/**
 * Turns validated rows into what the import writes (pure): allocation records
 * per category (zero amounts skipped), one "unspecified" commitment record where
 * commitments > 0, the latest GDP per donor, and weapons rows with their donor
 * codes resolved by name (the release's own country→iso map first, then the
 * donor table). `to_be_allocated` is never written.
 */
export function planKielImport(input: PlanInput): ParseResult<KielPlan> {
  const datasetId = input.datasetId ?? KIEL_DATASET_ID;
  const { rows, hasCommitments } = input.dataExplorer;
  const known = new Map(input.knownDonors.map((d) => [d.code, d.name]));
  const records: PlannedRecord[] = [];
  const donorNames = new Map<string, string>();
  const latestGdp = new Map<string, { month: string; gdp: number }>();
  const months = new Set<string>();

  const push = (iso: string, year: number, month: number, category: PlannedRecord["category"], measure: PlannedRecord["measure"], bn: number) => {
    if (bn === 0) return;
    const m = monthKey(year, month);
    const externalKey = kielExternalKey(iso, m, category, measure);
    records.push({
      id: `${datasetId}--${externalKey}`,
      externalKey,
      donorCode: iso,
      date: new Date(Date.UTC(year, month - 1, 1)),
      month: m,
      granularity: "month",
      category,
      measure,
      amount: bnToEur(bn),
      currency: "EUR",
    });
  };

  for (const r of rows) {
    if (!donorNames.has(r.iso)) donorNames.set(r.iso, r.country);
    const m = monthKey(r.year, r.month);
    months.add(m);
    for (const c of ALLOCATION_CATEGORIES) push(r.iso, r.year, r.month, c, "allocation", r[c]);
    if (r.commitments !== null && r.commitments > 0) push(r.iso, r.year, r.month, "unspecified", "commitment", r.commitments);
    if (r.gdp !== null && r.gdp > 0) {
      const prev = latestGdp.get(r.iso);
      if (!prev || m > prev.month) latestGdp.set(r.iso, { month: m, gdp: r.gdp });
    }
  }

  const donorsToCreate = [...donorNames]
    .filter(([code]) => !known.has(code))
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.code.localeCompare(b.code));

  // Weapons: donor by name, via this release's country → iso map, then the donor table.
  const issues = new IssueList(input.weaponsFile ?? "weapons.csv");
  const weapons: PlannedWeapons[] = [];
  if (input.weapons) {
    const byName = new Map<string, string>();
    for (const [code, name] of known) if (!byName.has(norm(name))) byName.set(norm(name), code);
    for (const [code, name] of donorNames) byName.set(norm(name), code);
    const seen = new Set<string>();
    for (const w of input.weapons) {
      const code = byName.get(norm(w.donor));
      if (!code) {
        issues.add(w.line, "donor", `unknown donor "${w.donor}": not a country of data_explorer.csv nor a known donor name`);
        continue;
      }
      const id = `${datasetId}--weapons-${code}-${slug(w.category)}`;
      if (seen.has(id)) {
        issues.add(w.line, "category", `donor ${code} has category "${w.category}" twice`);
        continue;
      }
      seen.add(id);
      weapons.push({ id, donorCode: code, category: w.category, count: w.count, valueEur: w.valueEur, weaponsList: w.weaponsList });
    }
  }
  if (issues.count > 0) return { ok: false, issues: issues.items, issueCount: issues.count };

  const sortedMonths = [...months].sort();
  const gdp = [...latestGdp].map(([donorCode, g]) => ({ donorCode, gdpEur: bnToEur(g.gdp) })).sort((a, b) => a.donorCode.localeCompare(b.donorCode));
  const commitmentRecords = records.filter((r) => r.measure === "commitment").length;
  return {
    ok: true,
    value: {
      donorsToCreate,
      records,
      gdp,
      weapons,
      summary: {
        rowsRead: rows.length,
        donors: donorNames.size,
        newDonors: donorsToCreate.map((d) => d.code),
        months: months.size,
        firstMonth: sortedMonths[0] ?? "",
        lastMonth: sortedMonths[sortedMonths.length - 1] ?? "",
        hasCommitments,
        recordCount: records.length,
        allocationRecords: records.length - commitmentRecords,
        commitmentRecords,
        gdpCount: gdp.length,
        weaponsCount: weapons.length,
        totals: totalsOf(records),
      },
    },
  };
}

/** The plan's records in the shape diffReleases compares. */
export function toDiffRecords(records: PlannedRecord[]): DiffRecord[] {
  return records.map(({ externalKey, donorCode, month, category, measure, amount }) => ({
    externalKey,
    donorCode,
    month,
    category,
    measure,
    amount,
  }));
}
