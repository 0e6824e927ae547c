import { describe, expect, it } from "vitest";
import { formatMoney, formatPercent, formatSignedPercent } from "./money";
import { formatPeriod } from "./dates";

describe("formatMoney", () => {
  it.each([
    [12.4e9, "EUR", "€12.4 bn"],
    [850e6, "EUR", "€850 m"],
    [60.2e9, "USD", "$60.2 bn"],
    [126e9, "USD", "$126 bn"],
    [2.645e6, "EUR", "€2.6 m"],
    [0, "EUR", "€0"],
    [-3.2e9, "EUR", "−€3.2 bn"],
    [1500, "EUR", "€2 k"],
    [12, "GBP", "GBP 12"],
  ])("%d %s → %s", (v, c, out) => {
    expect(formatMoney(v, c)).toBe(out);
  });
});

describe("percentages", () => {
  it("formats shares and signed changes", () => {
    expect(formatPercent(0.1234)).toBe("12.3%");
    expect(formatSignedPercent(0.05)).toBe("+5.0%");
    expect(formatSignedPercent(-0.5)).toBe("−50.0%");
    expect(formatSignedPercent(Infinity)).toBe("–");
  });
});

describe("formatPeriod", () => {
  it("formats months, quarters, years and days", () => {
    expect(formatPeriod("2024-03")).toBe("Mar 2024");
    expect(formatPeriod("2024-Q1")).toBe("Q1 2024");
    expect(formatPeriod("2024")).toBe("2024");
    expect(formatPeriod("2024-09-25")).toBe("25 Sep 2024");
  });
});
