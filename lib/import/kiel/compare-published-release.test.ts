import { describe, expect, it } from "vitest";
import { comparePublishedRelease, type HeldRelease } from "@/lib/import/kiel/compare-published-release";
import type { ReleaseInfo } from "@/lib/import/kiel/parse-release-info";

const R29: HeldRelease = { label: "Ukraine Support Tracker, Release 29 (04/2026)", releaseNumber: "29", publishedAt: "2026-08-04", periodEnd: "2026-04" };
const info = (release: string, month: number, publishedAt: string | null): ReleaseInfo => ({
  release,
  period: { year: 2026, month },
  publishedAt,
  label: `Ukraine Support Tracker, Release ${release}`,
});

describe("comparePublishedRelease", () => {
  it("reports a higher release number as newer, with both releases named", () => {
    const c = comparePublishedRelease(R29, info("30", 6, "2026-10-01"));
    expect(c.newer).toBe(true);
    expect(c.message).toBe(
      "A newer release is published: Ukraine Support Tracker, Release 30 (release 30, data to 06/2026, published 2026-10-01). " +
        "The database holds Ukraine Support Tracker, Release 29 (04/2026), published 2026-08-04, data to 04/2026.",
    );
  });

  it("reports the same or an older release as not newer", () => {
    expect(comparePublishedRelease(R29, info("29", 4, "2026-08-04"))).toMatchObject({ newer: false, message: expect.stringMatching(/^No newer release/) });
    expect(comparePublishedRelease(R29, info("28", 1, "2026-04-15")).newer).toBe(false);
  });

  it("falls back to the publication date, then to the data period, when the release number is unknown", () => {
    const held = { ...R29, releaseNumber: null };
    expect(comparePublishedRelease(held, info("1", 1, "2026-09-01")).newer).toBe(true);
    expect(comparePublishedRelease(held, info("99", 12, "2026-08-04")).newer).toBe(false);
    const undated = { ...held, publishedAt: null };
    expect(comparePublishedRelease(undated, info("1", 5, null)).newer).toBe(true);
    expect(comparePublishedRelease(undated, info("1", 4, null)).newer).toBe(false);
  });

  it("calls any published release newer than an empty database", () => {
    expect(comparePublishedRelease(null, info("29", 4, "2026-08-04"))).toMatchObject({ newer: true, message: expect.stringMatching(/holds no Kiel release/) });
  });
});
