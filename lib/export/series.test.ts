import { describe, expect, it } from "vitest";
import { dayTime, monthlyMeans, thin } from "./series";

describe("monthlyMeans", () => {
  it("averages the days of each month", () => {
    expect(
      monthlyMeans([
        { date: "2024-02-01", value: 2 },
        { date: "2024-01-31", value: 10 },
        { date: "2024-01-30", value: 20 },
        { date: "2024-02-02", value: 4 },
      ]),
    ).toEqual([
      { period: "2024-01", value: 15, days: 2 },
      { period: "2024-02", value: 3, days: 2 },
    ]);
  });
});

describe("thin", () => {
  it("keeps every step-th point and the last", () => {
    expect(thin([0, 1, 2, 3, 4, 5, 6], 3)).toEqual([0, 3, 6]);
    expect(thin([0, 1, 2, 3, 4], 3)).toEqual([0, 3, 4]);
    // A point the caller must keep (where a solid line turns dashed) stays.
    expect(thin([0, 1, 2, 3, 4, 5, 6], 3, (p) => p === 4)).toEqual([0, 3, 4, 6]);
  });
});

describe("dayTime", () => {
  it("reads a day as UTC midnight", () => {
    expect(new Date(dayTime("2024-03-05")).toISOString()).toBe("2024-03-05T00:00:00.000Z");
  });
});
