import { describe, expect, it } from "vitest";
import { changeKpi, changePlan, lastTwelveMonths, relativeChange } from "./change";

const coverage = { from: "2022-01-01", to: "2026-04-01" };
const fmt = { money: (n: number) => `€${n}`, day: (d: string) => d };

describe("changePlan", () => {
  it("compares the view's own range with the equal-length period before when the data reaches into it", () => {
    expect(changePlan({ from: "2024-01-01", to: "2024-12-31" }, coverage)).toEqual({
      basis: "previous-period",
      current: { from: "2024-01-01", to: "2024-12-31" },
      previous: { from: "2023-01-01", to: "2023-12-31" },
      currentIsView: true,
    });
    expect(changePlan({ from: "2025-01-01", to: null }, coverage)?.current).toEqual({ from: "2025-01-01", to: "2026-04-30" });
  });

  it("compares the last 12 months with the 12 before when the view has no range", () => {
    expect(changePlan({ from: null, to: null }, coverage)).toEqual({
      basis: "last-12-months",
      current: { from: "2025-05-01", to: "2026-04-30" },
      previous: { from: "2024-05-01", to: "2025-04-30" },
      currentIsView: false,
    });
  });

  it("gives a 24-month range that starts with the data last-12-vs-previous-12 (the issue's case: tile and slide agree)", () => {
    expect(changePlan({ from: "2022-01-01", to: "2023-12-31" }, coverage)).toEqual({
      basis: "last-12-months",
      current: { from: "2023-01-01", to: "2023-12-31" },
      previous: { from: "2022-01-01", to: "2022-12-31" },
      currentIsView: false,
    });
  });

  it("compares nothing when the range starts with the data and holds less than 24 months", () => {
    expect(changePlan({ from: "2022-01-01", to: "2023-11-30" }, coverage)).toBeNull();
    expect(changePlan({ from: null, to: null }, { from: "2025-01-01", to: "2025-12-01" })).toBeNull();
  });

  it("gives nothing without coverage or with a reversed range", () => {
    expect(changePlan({ from: null, to: null }, undefined)).toBeNull();
    expect(changePlan({ from: "2025-01-01", to: "2024-01-01" }, coverage)).toBeNull();
  });
});

describe("lastTwelveMonths", () => {
  it("takes whole months ending with the range's last month", () => {
    expect(lastTwelveMonths({ from: "2023-03-01", to: "2025-02-15" })).toEqual({
      last: { from: "2024-03-01", to: "2025-02-15" },
      before: { from: "2023-03-01", to: "2024-02-29" },
    });
    expect(lastTwelveMonths({ from: "2025-01-01", to: "2025-12-31" })).toBeNull();
  });
});

describe("changeKpi", () => {
  const plan = changePlan({ from: null, to: null }, coverage);
  it("names the basis and says what it compared", () => {
    expect(changeKpi(plan, { current: 150, previous: 100 }, fmt)).toEqual({
      label: "Change, last 12 months",
      value: 0.5,
      detail: "€150 in 2025-05-01 – 2026-04-30 vs €100 in the 12 months before",
    });
    const own = changePlan({ from: "2024-01-01", to: "2024-12-31" }, coverage);
    expect(changeKpi(own, { current: 50, previous: 100 }, fmt)).toMatchObject({ label: "Change vs previous period", value: -0.5 });
  });
  it("shows no figure while loading, without a plan, or against a zero base", () => {
    expect(changeKpi(plan, { current: 1, previous: undefined }, fmt).value).toBeNull();
    expect(changeKpi(null, { current: 1, previous: 1 }, fmt)).toMatchObject({ value: null, detail: "No data for the equal-length period before" });
    expect(changeKpi(plan, { current: 1, previous: 0 }, fmt).value).toBeNull();
    expect(relativeChange(0, 0)).toBeNull();
  });
});
