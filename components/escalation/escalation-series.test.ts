import { describe, expect, it } from "vitest";
import { activeChannels, indexRows, joinAidAndIndex, monthlyMeans } from "./escalation-series";
import { signedTicks } from "./signed-ticks";
import { addDaysIso, assignLanes, dayTime, daysBetween, monthTicks, periodTicks } from "./time-axis";

const zero = { nuclear: 0, conventional: 0, western_support: 0, third_country: 0, de_escalation: 0 };
const cats = (military: number) => ({ military, financial: 0, humanitarian: 0, unspecified: 0 });

describe("index rows and monthly means", () => {
  it("flattens components beside a UTC time key", () => {
    const [row] = indexRows([{ date: "2024-10-18", value: 5, components: { ...zero, third_country: 5 } }]);
    expect(row).toMatchObject({ t: Date.UTC(2024, 9, 18), date: "2024-10-18", value: 5, third_country: 5, nuclear: 0 });
  });

  it("averages each calendar month over the days present", () => {
    const pts = [
      { date: "2024-01-30", value: 2 },
      { date: "2024-01-31", value: 4 },
      { date: "2024-02-01", value: 10 },
    ];
    expect(monthlyMeans(pts)).toEqual([
      { period: "2024-01", value: 3, days: 2 },
      { period: "2024-02", value: 10, days: 1 },
    ]);
  });

  it("joins aid and index months, leaving months outside the aid coverage null", () => {
    const rows = joinAidAndIndex(
      [
        { period: "2024-02", total: 5, byCategory: cats(5) },
        { period: "2024-03", total: 0, byCategory: cats(0) },
      ],
      [
        { period: "2024-03", value: 40, days: 31 },
        { period: "2024-04", value: 30, days: 30 },
      ],
    );
    expect(rows.map((r) => [r.period, r.aid, r.index])).toEqual([
      ["2024-02", 5, null],
      ["2024-03", 0, 40],
      ["2024-04", null, 30],
    ]);
    expect(rows[0].military).toBe(5);
  });

  it("treats an empty selection as every channel", () => {
    expect(activeChannels([])).toHaveLength(5);
    expect(activeChannels(["nuclear"])).toEqual(["nuclear"]);
  });
});

describe("time axis", () => {
  it("counts and adds whole UTC days", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(addDaysIso("2024-10-18", 30)).toBe("2024-11-17");
    expect(dayTime("2024-01-01")).toBe(Date.UTC(2024, 0, 1));
  });

  it("picks month ticks that fit the width, yearly ones labelled by year", () => {
    const wide = monthTicks("2022-02-24", "2026-11-28", 1600);
    expect(wide.ticks.length).toBeLessThanOrEqual(20);
    expect(wide.format(wide.ticks[0])).toBe("Apr 2022");
    const narrow = monthTicks("2022-02-24", "2026-11-28", 300);
    expect(narrow.ticks.map(narrow.format)).toEqual(["2023", "2024", "2025", "2026"]);
    const short = monthTicks("2024-10-01", "2024-12-31", 400);
    expect(short.ticks.map(short.format)).toEqual(["Oct 2024", "Nov 2024", "Dec 2024"]);
  });

  it("does the same for monthly periods on a category axis", () => {
    const periods = Array.from({ length: 36 }, (_, i) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);
    const yearly = periodTicks(periods, 200);
    expect(yearly.ticks).toEqual(["2022-01", "2023-01", "2024-01"]);
    expect(yearly.format("2023-01")).toBe("2023");
    const quarterly = periodTicks(periods, 1000);
    expect(quarterly.ticks.slice(0, 3)).toEqual(["2022-01", "2022-04", "2022-07"]);
    expect(quarterly.format("2022-04")).toBe("Apr 2022");
  });

  it("puts markers closer than the gap into different lanes", () => {
    expect(assignLanes([0, 5, 30, 8, 100], 10)).toEqual([0, 1, 0, 2, 0]);
    expect(assignLanes([0, 1, 2, 3], 10, 2)).toEqual([0, 1, 0, 1]);
    expect(assignLanes([], 10)).toEqual([]);
  });
});

describe("signedTicks", () => {
  it("covers the range with round steps through zero", () => {
    expect(signedTicks(-31, 104)).toEqual([-50, 0, 50, 100, 150]);
    expect(signedTicks(-12, 38)).toEqual([-20, -10, 0, 10, 20, 30, 40]);
    expect(signedTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(signedTicks(0, 0)).toEqual([0]);
  });
});
