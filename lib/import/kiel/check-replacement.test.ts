import { describe, expect, it } from "vitest";
import { checkReplacement, explainRefusal, MAX_REMOVED_SHARE, type ReleaseFacts } from "@/lib/import/kiel/check-replacement";

const R29: ReleaseFacts = { label: "Release 29", records: 2265, periodEnd: "2026-04", publishedAt: "2026-08-04" };
const R30: ReleaseFacts = { label: "Release 30", records: 2300, periodEnd: "2026-06", publishedAt: "2026-10-01" };

describe("checkReplacement", () => {
  it("passes a first import and a normal newer release", () => {
    expect(checkReplacement({ current: null, incoming: { ...R30, records: 1 }, removed: 0 })).toEqual({ findings: [], refused: false });
    expect(checkReplacement({ current: R29, incoming: R30, removed: 40 })).toEqual({ findings: [], refused: false });
  });

  it("refuses removing more than 5% of the records, with the numbers", () => {
    const c = checkReplacement({ current: R29, incoming: { ...R29, records: 85 }, removed: 2180 });
    expect(c.refused).toBe(true);
    expect(c.findings).toHaveLength(1);
    expect(c.findings[0]).toMatchObject({ rule: "shrink", overridden: false });
    expect(c.findings[0].message).toContain("would remove 2,180 of 2,265 records (96%)");
    expect(explainRefusal(c)).toMatch(/^Refused; nothing was written\. This import would remove 2,180 of 2,265 records \(96%\).*--allow-shrink\.$/);
  });

  it("draws the line at 5%: exactly 5% passes, one record more is refused and never shown as 5%", () => {
    const current = { ...R29, records: 2000 };
    expect(checkReplacement({ current, incoming: R29, removed: 2000 * MAX_REMOVED_SHARE }).refused).toBe(false);
    const over = checkReplacement({ current, incoming: R29, removed: 101 });
    expect(over.refused).toBe(true);
    expect(over.findings[0].message).toContain("101 of 2,000 records (5.1%)");
  });

  it("accepts the shrink with allowShrink, but not with allowOlder", () => {
    const input = { current: R29, incoming: R29, removed: 500 };
    expect(checkReplacement({ ...input, overrides: { allowShrink: true } })).toMatchObject({
      refused: false,
      findings: [{ rule: "shrink", overridden: true }],
    });
    expect(checkReplacement({ ...input, overrides: { allowOlder: true } }).refused).toBe(true);
  });

  it("refuses an earlier data period and an older publication date, lifted by allowOlder", () => {
    const older = { label: "Release 28", records: 2200, periodEnd: "2026-01", publishedAt: "2026-04-15" };
    const c = checkReplacement({ current: R29, incoming: older, removed: 0 });
    expect(c.refused).toBe(true);
    expect(c.findings.map((f) => f.rule)).toEqual(["older-period", "older-publication"]);
    expect(c.findings[0].message).toBe("has data only to Jan 2026, earlier than the current release's Apr 2026 (Release 29)");
    expect(c.findings[1].message).toContain("was published on 2026-04-15, before the current release (Release 29, published 2026-08-04)");
    expect(explainRefusal(c)).toMatch(/import again with --allow-older\.$/);
    expect(checkReplacement({ current: R29, incoming: older, removed: 0, overrides: { allowOlder: true } }).refused).toBe(false);
  });

  it("names both overrides when both are needed, and ignores an unknown publication date", () => {
    const c = checkReplacement({ current: R29, incoming: { ...R29, periodEnd: "2025-12", publishedAt: null }, removed: 1000 });
    expect(c.findings.map((f) => f.rule)).toEqual(["shrink", "older-period"]);
    expect(explainRefusal(c)).toMatch(/--allow-shrink and --allow-older\.$/);
    expect(checkReplacement({ current: R29, incoming: { ...R29, publishedAt: null }, removed: 0 }).findings).toEqual([]);
  });
});
