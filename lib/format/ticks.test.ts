import { describe, expect, it } from "vitest";
import { niceTicks } from "./ticks";

describe("niceTicks", () => {
  it("gives round steps covering the maximum", () => {
    expect(niceTicks(22e9)).toEqual([0, 5e9, 10e9, 15e9, 20e9, 25e9]);
    expect(niceTicks(118e9)).toEqual([0, 25e9, 50e9, 75e9, 100e9, 125e9]);
    expect(niceTicks(1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.0037)).toEqual([0, 0.001, 0.002, 0.003, 0.004]);
  });
  it("handles empty data", () => {
    expect(niceTicks(0)).toEqual([0]);
    expect(niceTicks(NaN)).toEqual([0]);
  });
});
