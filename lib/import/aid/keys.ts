import { createHash } from "node:crypto";

/** The fields that make up a record's content, as stored (and as read back from the database). */
export interface RecordContent {
  date: string;
  donorCode: string;
  granularity: string;
  category: string;
  subcategory: string | null;
  measure: string;
  amount: number;
  currency: string;
  notes: string | null;
  /** Source URLs in any order; compared as a sorted set. */
  sourceUrls: readonly string[];
}

/** One canonical string per content: equal records give equal strings, on either side of the import. */
export function canonicalContent(c: RecordContent): string {
  const urls = [...new Set(c.sourceUrls)].sort().join("\n");
  return [c.date, c.donorCode, c.granularity, c.category, c.subcategory ?? "", c.measure, String(c.amount), c.currency, c.notes ?? "", urls].join("\u001f");
}

/**
 * A 30-bit fingerprint of a record's content (a small integer, cheap to keep
 * for a million rows; FNV-1a, much cheaper than a cryptographic hash). Two
 * different contents under the same key collide with probability 2^-30: such
 * a change would be reported as "unchanged".
 */
export function contentFingerprint(c: RecordContent): number {
  const s = canonicalContent(c);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 2) & 0x3fffffff;
}

/**
 * The key of a row without external_key: derived from its content, so the
 * same file imported twice gives the same keys. The n-th identical row of a
 * file (n ≥ 2) gets the suffix "-n".
 */
export function derivedKey(c: RecordContent, occurrence: number = 1): string {
  const base = `h-${createHash("sha256").update(canonicalContent(c)).digest("hex").slice(0, 24)}`;
  return occurrence > 1 ? `${base}-${occurrence}` : base;
}

/**
 * What the importer keeps in memory for a key: the key itself when short (no
 * hashing), else a 16-character digest, marked so it never equals a short key.
 */
export function keyDigest(key: string): string {
  return key.length <= 32 ? key : `\u0000${createHash("sha1").update(key).digest("base64").slice(0, 16)}`;
}

/** The id of a new source: a stable digest of its URL (the same rule as sources posted through the API). */
export { sourceIdFor } from "@/lib/sources/resolve-source-refs";
