import { describe, expect, it } from "vitest";
import { dayTicks, periodTicks } from "./period-ticks";

const months = (fromYear: number, count: number) =>
  Array.from({ length: count }, (_, i) => `${fromYear + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);

describe("periodTicks", () => {
  it("keeps every period when few", () => {
    expect(periodTicks(["2022", "2023", "2024"])).toEqual(["2022", "2023", "2024"]);
  });

  it("uses year starts for four years of months", () => {
    expect(periodTicks(months(2022, 52), 8)).toEqual(["2022-01", "2023-01", "2024-01", "2025-01", "2026-01"]);
  });

  it("uses half-years for two years of months", () => {
    expect(periodTicks(months(2024, 24), 6)).toEqual(["2024-01", "2024-07", "2025-01", "2025-07"]);
  });

  it("handles quarters", () => {
    const qs = ["2022", "2023", "2024", "2025"].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));
    expect(periodTicks(qs, 6)).toEqual(["2022-Q1", "2023-Q1", "2024-Q1", "2025-Q1"]);
  });
});

describe("dayTicks", () => {
  it("picks month, quarter or year starts inside the range", () => {
    expect(dayTicks("2024-01-15", "2024-05-30")).toEqual(["2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01"]);
    expect(dayTicks("2022-02-24", "2025-06-01", 6)).toEqual(["2022-07-01", "2023-01-01", "2023-07-01", "2024-01-01", "2024-07-01", "2025-01-01"]);
  });
});
