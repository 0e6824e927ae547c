import { describe, expect, it } from "vitest";
import { computeEscalationIndex } from "./compute-escalation-index";
import { computeEscalationScale, SCALED_REFERENCE } from "./scale";
import { ev } from "./test-helpers";

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("scale factor (2022 = 100)", () => {
  const june = ev("j", "2022-06-01", "nuclear_signalling", 10);
  const k = Math.pow(0.5, 1 / 30);
  // Peak trailing mean is the window ending 29 days after the event: (10/30)·Σ_{a=0..29} k^a.
  const peak = (10 / 30) * (0.5 / (1 - k));

  it("sets the highest 30-day trailing mean of the 2022 headline to 100", () => {
    const scale = computeEscalationScale([june], 30);
    expect(scale.scaled).toBe(true);
    expect(scale.reference).toBe(SCALED_REFERENCE);
    expect(scale.factor).toBeCloseTo(100 / peak, 9);

    const r = computeEscalationIndex({ events: [june], from: "2022-06-01", to: "2022-07-01", halfLifeDays: 30 });
    const values = r.points.map((p) => p.value);
    expect(mean(values.slice(0, 30))).toBeCloseTo(100, 9); // window 06-01..06-30
    expect(mean(values.slice(1, 31))).toBeLessThan(100); // one day later, lower
    expect(values[0]).toBeCloseTo(10 * (100 / peak), 9);
  });

  it("counts only windows ending in 2022 (late-December event: one day in the window)", () => {
    const scale = computeEscalationScale([ev("d", "2022-12-31", "mobilisation", 6)], 30);
    expect(scale.factor).toBeCloseTo(100 / (6 / 30), 9);
  });

  it("includes pre-2022 events that still affect 2022", () => {
    const scale = computeEscalationScale([ev("o", "2021-12-02", "mobilisation", 6)], 30);
    expect(scale.scaled).toBe(true);
    // Best window ends 2022-01-01 and covers ages 1..30 of the event.
    const sum = Array.from({ length: 30 }, (_, i) => 6 * Math.pow(k, i + 1)).reduce((a, b) => a + b);
    expect(scale.factor).toBeCloseTo(100 / (sum / 30), 9);
  });

  it("does not depend on the requested window or channels", () => {
    const events = [june, ev("x", "2024-01-01", "annexation", 7)];
    const a = computeEscalationIndex({ events, from: "2022-01-01", to: "2022-12-31", halfLifeDays: 30 });
    const b = computeEscalationIndex({ events, from: "2024-01-01", to: "2024-01-31", halfLifeDays: 30, channels: ["conventional"] });
    expect(b.scale).toEqual(a.scale);
  });

  it("changes with the half-life", () => {
    const s10 = computeEscalationScale([june], 10);
    const s90 = computeEscalationScale([june], 90);
    const k10 = Math.pow(0.5, 1 / 10);
    expect(s10.factor).toBeCloseTo(100 / ((10 / 30) * ((1 - Math.pow(k10, 30)) / (1 - k10))), 9);
    expect(s90.factor).toBeLessThan(s10.factor); // slower decay → bigger raw mean → smaller factor
  });

  it("is unscaled (factor 1) without events on or before 2022-12-31", () => {
    const scale = computeEscalationScale([ev("l", "2023-01-01", "annexation", 7)], 30);
    expect(scale).toEqual({ factor: 1, scaled: false, reference: "unscaled: no events on or before 2022-12-31" });
    expect(computeEscalationScale([], 30).scaled).toBe(false);
  });

  it("is unscaled when the 2022 headline never rises above 0", () => {
    const scale = computeEscalationScale([ev("t", "2022-03-29", "de_escalation", -3)], 30);
    expect(scale).toMatchObject({ factor: 1, scaled: false });
    expect(scale.reference).toMatch(/^unscaled: the 2022 headline never rises above 0/);
  });

  it("can be disabled or supplied by the caller", () => {
    const off = computeEscalationIndex({ events: [june], from: "2022-06-01", to: "2022-06-01", halfLifeDays: 30, scale: false });
    expect(off.scale).toMatchObject({ factor: 1, scaled: false });
    expect(off.points[0].value).toBe(10);
    expect(() =>
      computeEscalationIndex({ events: [june], from: "2022-06-01", to: "2022-06-01", halfLifeDays: 30, scale: { factor: 0, reference: "x", scaled: true } }),
    ).toThrow(/scale.factor must be a positive finite number/);
  });

  it("validates its inputs", () => {
    expect(() => computeEscalationScale([june], 0)).toThrow(RangeError);
  });
});
