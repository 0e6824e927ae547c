import { describe, expect, it } from "vitest";
import { niceTicks } from "./ticks";

describe("niceTicks", () => {
  it("gives round steps covering the maximum", () => {
    expect(niceTicks(22e9)).toEqual([0, 5e9, 10e9, 15e9, 20e9, 25e9]);
    // d3-scale's steps are 1, 2 or 5 × 10^k (the hand-written 2.5 step is gone).
    expect(niceTicks(118e9)).toEqual([0, 20e9, 40e9, 60e9, 80e9, 100e9, 120e9]);
    expect(niceTicks(175, 4)).toEqual([0, 50, 100, 150, 200]);
    expect(niceTicks(1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.0037)).toEqual([0, 0.001, 0.002, 0.003, 0.004]);
  });
  it("handles empty data", () => {
    expect(niceTicks(0)).toEqual([0]);
    expect(niceTicks(NaN)).toEqual([0]);
  });
});
