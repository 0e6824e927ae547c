import { describe, expect, it } from "vitest";
import { beforeAfter, dailyValues, describeBeforeAfter, halfLifeMean, type DaySums } from "./kinetic";

const day = (date: string, events: number, fatalities = 0): DaySums => ({
  date,
  events,
  fatalities,
  strikeEvents: events,
  strikeFatalities: fatalities,
  battleEvents: 0,
  battleFatalities: 0,
  crossBorderEvents: 0,
  crossBorderFatalities: 0,
});

describe("halfLifeMean", () => {
  it("keeps a constant series constant and halves a pulse's weight after one half-life", () => {
    expect(halfLifeMean([4, 4, 4, 4], 7)).toEqual([4, 4, 4, 4]);
    // A pulse of 1 then zeros with half-life 1: sums 1, 0.5, 0.25 over weights 1, 1.5, 1.75.
    const s = halfLifeMean([1, 0, 0], 1);
    expect(s[0]).toBe(1);
    expect(s[1]).toBeCloseTo(0.5 / 1.5, 12);
    expect(s[2]).toBeCloseTo(0.25 / 1.75, 12);
  });
  it("refuses a non-positive half-life", () => expect(() => halfLifeMean([1], 0)).toThrow(RangeError));
});

describe("dailyValues", () => {
  it("fills days without events with zero", () => {
    expect(dailyValues([day("2025-01-02", 3, 5)], "2025-01-01", "2025-01-03", "all", "fatalities").map((d) => d.value)).toEqual([0, 5, 0]);
  });
});

describe("beforeAfter", () => {
  const days = [
    ...["2025-01-01", "2025-01-02", "2025-01-03"].map((d, i) => day(d, [1, 2, 3][i])),
    day("2025-01-04", 100), // the event's own day: in neither window
    ...["2025-01-05", "2025-01-06", "2025-01-07"].map((d, i) => day(d, [7, 8, 9][i])),
  ];
  it("compares the daily means of the windows, leaving out the event's day", () => {
    const r = beforeAfter(days, { eventDate: "2025-01-04", windowDays: 3, dataFrom: "2025-01-01", dataTo: "2025-01-07", series: "all", measure: "events" });
    expect(r.before).toMatchObject({ from: "2025-01-01", to: "2025-01-03", days: 3, mean: 2, sd: 1 });
    expect(r.after).toMatchObject({ days: 3, mean: 8, sd: 1 });
    expect(r.difference).toBe(6);
    // Welch: sqrt(1/3 + 1/3) × 1.96.
    expect(r.margin).toBeCloseTo(1.96 * Math.sqrt(2 / 3), 12);
    expect(r.verdict).toBe("larger");
    expect(describeBeforeAfter(r, "Strikes")).toMatch(/2\.0 a day in the 3 days before, 8\.0 in the 3 days after \(\+6\.0 a day, ±1\.6/);
  });
  it("says unclear when the difference is within the noise, and counts days outside the data", () => {
    const noisy = [day("2025-01-01", 0), day("2025-01-02", 10), day("2025-01-04", 10), day("2025-01-05", 1)];
    const r = beforeAfter(noisy, { eventDate: "2025-01-03", windowDays: 3, dataFrom: "2025-01-01", dataTo: "2025-01-05", series: "all", measure: "events" });
    expect(r.verdict).toBe("unclear");
    expect(r.missingDays).toBe(2);
    expect(describeBeforeAfter(r, "All events")).toMatch(/within the day-to-day noise.*2 days of the windows lie outside/);
  });
});
