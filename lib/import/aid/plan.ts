import { contentFingerprint, derivedKey, keyDigest, type RecordContent } from "@/lib/import/aid/keys";

// Map values: a fingerprint (≥ 0) for a file key not (yet) met in the dataset,
// or one of these once the key has been compared or written.
const UNCHANGED = -1;
const UPDATED = -2;
const TAKEN = -3;

export type RowChange = "added" | "updated" | "unchanged";

/**
 * What the importer keeps per row between its passes: a 16-character digest of
 * the row's key and a small integer (about 80 bytes a row), never the row.
 *
 * Pass 1 registers every row's key; the comparison with the dataset marks keys
 * unchanged or updated; pass 2 takes each row's key again, in file order, and
 * learns whether to write it.
 */
export class KeyIndex {
  private readonly map = new Map<string, number>();
  private matched = { unchanged: 0, updated: 0 };
  private existingCount = 0;
  private absentFromFile = 0;

  get size(): number {
    return this.map.size;
  }

  /** Pass 1, a row with external_key. False when the file already had this key. */
  registerExplicit(key: string, content: RecordContent): boolean {
    const d = keyDigest(key);
    if (this.map.has(d)) return false;
    this.map.set(d, contentFingerprint(content));
    return true;
  }

  /**
   * A row with external_key written to a new dataset: nothing to compare it
   * with, so no fingerprint (a twentieth of a million-row import). False when
   * the file already had this key.
   */
  claimExplicit(key: string): boolean {
    const d = keyDigest(key);
    if (this.map.has(d)) return false;
    this.map.set(d, TAKEN);
    return true;
  }

  /** Pass 1, a row without external_key: its derived key (identical rows get -2, -3, … in file order). */
  registerDerived(content: RecordContent): string {
    const fp = contentFingerprint(content);
    for (let n = 1; ; n++) {
      const key = derivedKey(content, n);
      const d = keyDigest(key);
      if (!this.map.has(d)) {
        this.map.set(d, fp);
        return key;
      }
    }
  }

  /** Comparison: one record the dataset holds now. */
  compareExisting(key: string, content: RecordContent): RowChange | "absent" {
    this.existingCount++;
    const d = keyDigest(key);
    const v = this.map.get(d);
    if (v === undefined || v < 0) {
      this.absentFromFile++;
      return "absent";
    }
    const same = v === contentFingerprint(content);
    this.map.set(d, same ? UNCHANGED : UPDATED);
    this.matched[same ? "unchanged" : "updated"]++;
    return same ? "unchanged" : "updated";
  }

  /** Pass 2, a row with external_key: what to do with it. */
  takeExplicit(key: string): RowChange {
    return this.take(keyDigest(key)) ?? "added";
  }

  /** Pass 2, a row without external_key: its key (the same as in pass 1) and what to do with it. */
  takeDerived(content: RecordContent): { key: string; change: RowChange } {
    for (let n = 1; ; n++) {
      const key = derivedKey(content, n);
      const change = this.take(keyDigest(key));
      if (change) return { key, change };
    }
  }

  private take(d: string): RowChange | null {
    const v = this.map.get(d);
    if (v === TAKEN) return null;
    this.map.set(d, TAKEN);
    return v === UNCHANGED ? "unchanged" : v === UPDATED ? "updated" : "added";
  }

  /** Counts after the comparison. `absent`: records of the dataset the file does not have. */
  changeCounts(): { added: number; updated: number; unchanged: number; absent: number; existing: number } {
    return {
      added: this.map.size - this.matched.unchanged - this.matched.updated,
      updated: this.matched.updated,
      unchanged: this.matched.unchanged,
      absent: this.absentFromFile,
      existing: this.existingCount,
    };
  }
}

export interface MeasureCurrencyTotal {
  measure: string;
  currency: string;
  rows: number;
  amount: number;
}

/** Totals per measure and currency (never added across either). */
export class TotalsByMeasureCurrency {
  private readonly totals = new Map<string, MeasureCurrencyTotal>();
  add(measure: string, currency: string, amount: number): void {
    const k = `${measure}\u0000${currency}`;
    const t = this.totals.get(k);
    if (t) {
      t.rows++;
      t.amount += amount;
    } else this.totals.set(k, { measure, currency, rows: 1, amount });
  }
  list(): MeasureCurrencyTotal[] {
    return [...this.totals.values()].sort((a, b) => a.measure.localeCompare(b.measure) || a.currency.localeCompare(b.currency));
  }
}

export type ImportMode = "merge" | "replace";

export interface ChangeSummary {
  mode: ImportMode;
  added: number;
  updated: number;
  unchanged: number;
  /** Records of the dataset the file does not have: deleted by --replace, kept otherwise. */
  removed: number;
  kept: number;
}

/** What an import does to the dataset's records, from the comparison counts. */
export function summariseChange(counts: ReturnType<KeyIndex["changeCounts"]>, mode: ImportMode): ChangeSummary {
  return {
    mode,
    added: counts.added,
    updated: counts.updated,
    unchanged: counts.unchanged,
    removed: mode === "replace" ? counts.absent : 0,
    kept: mode === "replace" ? 0 : counts.absent,
  };
}

export function changesRecords(c: ChangeSummary): boolean {
  return c.added > 0 || c.updated > 0 || c.removed > 0;
}
