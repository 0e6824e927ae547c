import { describe, expect, it } from "vitest";
import { formatDay, parseDay, tryParseDay } from "./dates";

describe("UTC day numbers", () => {
  it("maps the epoch to 0 and round-trips", () => {
    expect(tryParseDay("1970-01-01")).toBe(0);
    expect(formatDay(tryParseDay("2024-02-29")!)).toBe("2024-02-29");
    expect(tryParseDay("2022-03-01")! - tryParseDay("2022-02-28")!).toBe(1);
  });

  it("rejects malformed and impossible dates", () => {
    for (const bad of ["2023-02-29", "2022-02-30", "2022-13-01", "2022-1-01", "2022-01-01T00:00:00Z", "", "0050-01-01", 20220101, null]) {
      expect(tryParseDay(bad)).toBeNull();
    }
    expect(() => parseDay("2022-02-30", "from")).toThrow(RangeError);
    expect(() => parseDay("2022-02-30", "from")).toThrow(/from must be a valid calendar date/);
  });
});
