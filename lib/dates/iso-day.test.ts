import { describe, expect, it } from "vitest";
import { addIsoDays, formatIsoDay, isIsoDay, isoDaysBetween, isoDayTime, parseIsoDay } from "./iso-day";

describe("ISO dates", () => {
  it("accepts real calendar dates only, in YYYY-MM-DD form", () => {
    expect(isIsoDay("2024-02-29")).toBe(true);
    expect(isIsoDay("2023-02-29")).toBe(false);
    expect(isIsoDay("2022-02-30")).toBe(false);
    expect(isIsoDay("2022-2-3")).toBe(false);
    expect(isIsoDay("2022-02-03T00:00:00Z")).toBe(false);
    expect(isIsoDay(20220203)).toBe(false);
    expect(isIsoDay("0050-01-01")).toBe(false);
    expect(parseIsoDay("2024-03-31")?.getTime()).toBe(Date.UTC(2024, 2, 31));
  });
  it("does day arithmetic in UTC across month ends, leap days and DST changes", () => {
    expect(addIsoDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addIsoDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addIsoDays("2024-03-30", 2)).toBe("2024-04-01");
    expect(isoDaysBetween("2024-03-30", "2024-11-02")).toBe(217);
    expect(isoDaysBetween("2025-01-01", "2024-01-01")).toBe(-366);
    expect(formatIsoDay(isoDayTime("2024-10-27") + 23 * 3_600_000)).toBe("2024-10-27");
    expect(() => addIsoDays("2024-02-30", 1)).toThrow(RangeError);
  });
});
