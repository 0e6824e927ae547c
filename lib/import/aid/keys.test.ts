import { describe, expect, it } from "vitest";
import { canonicalContent, contentFingerprint, derivedKey, keyDigest, type RecordContent } from "@/lib/import/aid/keys";

const c: RecordContent = {
  date: "2024-03-01",
  donorCode: "DEU",
  granularity: "month",
  category: "military",
  subcategory: null,
  measure: "allocation",
  amount: 1e6,
  currency: "EUR",
  notes: null,
  sourceUrls: ["https://b.example", "https://a.example"],
};

describe("record keys", () => {
  it("treats sources as a set and empty optional fields alike", () => {
    expect(canonicalContent({ ...c, sourceUrls: ["https://a.example", "https://b.example", "https://a.example"] })).toBe(canonicalContent(c));
    expect(contentFingerprint({ ...c, notes: "" })).toBe(contentFingerprint(c));
  });

  it("changes the fingerprint and the derived key when any field changes", () => {
    for (const patch of [{ amount: 1e6 + 1 }, { date: "2024-04-01" }, { notes: "x" }, { sourceUrls: ["https://a.example"] }, { currency: "USD" }]) {
      const other = { ...c, ...patch };
      expect(contentFingerprint(other)).not.toBe(contentFingerprint(c));
      expect(derivedKey(other)).not.toBe(derivedKey(c));
    }
    expect(contentFingerprint(c)).toBeGreaterThanOrEqual(0);
    expect(contentFingerprint(c)).toBeLessThan(2 ** 30);
  });

  it("derives stable keys, numbering identical rows", () => {
    expect(derivedKey(c)).toMatch(/^h-[0-9a-f]{24}$/);
    expect(derivedKey(c)).toBe(derivedKey({ ...c }));
    expect(derivedKey(c, 2)).toBe(`${derivedKey(c)}-2`);
  });

  it("keeps short keys as they are and digests long ones", () => {
    expect(keyDigest("syn-1")).toBe("syn-1");
    const long = "x".repeat(40);
    expect(keyDigest(long)).toHaveLength(17);
    expect(keyDigest(long)).not.toBe(keyDigest(`${long}y`));
  });
});
