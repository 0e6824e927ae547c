import { describe, expect, it } from "vitest";
import { valueTicks } from "./ticks";

describe("valueTicks", () => {
  it("steps in round numbers from zero to at least the maximum", () => {
    expect(valueTicks(175, 4)).toEqual([0, 50, 100, 150, 200]);
    expect(valueTicks(24e9, 4)).toEqual([0, 5e9, 10e9, 15e9, 20e9, 25e9]);
    expect(valueTicks(0.00042, 4)).toEqual([0, 0.0001, 0.0002, 0.0003, 0.0004, 0.0005]);
    for (const max of [1, 7, 99.5, 3.2e10]) expect(valueTicks(max).at(-1)).toBeGreaterThanOrEqual(max);
  });

  it("gives a lone zero for nothing to draw", () => {
    expect(valueTicks(0)).toEqual([0]);
    expect(valueTicks(Number.NaN)).toEqual([0]);
  });
});
