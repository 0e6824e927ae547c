import { describe, expect, it } from "vitest";
import { datePresets, matchPreset, previousPeriod } from "./date-presets";

describe("datePresets", () => {
  const presets = datePresets({ from: "2022-01-01", to: "2026-04-01" });
  it("offers all data, since the invasion, the last 12 months and each year", () => {
    expect(presets.map((p) => p.id)).toEqual(["all", "invasion", "last12", "2022", "2023", "2024", "2025", "2026"]);
    expect(presets.find((p) => p.id === "last12")).toMatchObject({ from: "2025-05-01", to: null });
  });
  it("matches a range back to its preset, else custom", () => {
    expect(matchPreset(presets, "2024-01-01", "2024-12-31")).toBe("2024");
    expect(matchPreset(presets, null, null)).toBe("all");
    expect(matchPreset(presets, "2024-01-02", null)).toBe("custom");
  });
});

describe("previousPeriod", () => {
  it("gives the equal-length period just before", () => {
    expect(previousPeriod("2024-01-01", "2024-12-31")).toEqual({ from: "2023-01-01", to: "2023-12-31" });
    expect(previousPeriod("2024-03-01", "2024-03-31")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(previousPeriod("2024-03-10", "2024-03-19")).toEqual({ from: "2024-02-29", to: "2024-03-09" });
  });
});
