import { describe, expect, it } from "vitest";
import { CHANNELS } from "../domain/taxonomy";
import { computeEscalationIndex } from "./compute-escalation-index";
import { DEFAULT_HALF_LIFE_DAYS } from "./constants";
import { ev } from "./test-helpers";
import type { IndexEvent } from "./types";

/** Unscaled values by date, for exact hand-computed checks. */
function raw(events: IndexEvent[], from: string, to: string, halfLifeDays = 30) {
  const result = computeEscalationIndex({ events, from, to, halfLifeDays, scale: false });
  return Object.fromEntries(result.points.map((p) => [p.date, p]));
}

const strike = ev("s", "2023-03-01", "strike_new_target_class", 6);

describe("computeEscalationIndex — decay", () => {
  it("halves a single event's contribution every half-life", () => {
    const p = raw([strike], "2023-02-27", "2023-05-01");
    expect(p["2023-02-28"].value).toBe(0); // before the event
    expect(p["2023-03-01"].value).toBeCloseTo(6, 12);
    expect(p["2023-03-31"].value).toBeCloseTo(3, 12); // 30 days
    expect(p["2023-04-30"].value).toBeCloseTo(1.5, 12); // 60 days
    expect(p["2023-03-31"].components.conventional).toBeCloseTo(3, 12);
    expect(p["2023-03-31"].components.nuclear).toBe(0);
  });

  it("multiplies every value by the scale factor", () => {
    const r = computeEscalationIndex({
      events: [strike],
      from: "2023-03-01",
      to: "2023-04-30",
      halfLifeDays: 30,
      scale: { factor: 2, reference: "test", scaled: true },
    });
    const at = (d: string) => r.points.find((p) => p.date === d)!;
    expect(at("2023-03-01").value).toBeCloseTo(12, 12);
    expect(at("2023-03-31").value).toBeCloseTo(6, 12);
    expect(at("2023-04-30").value).toBeCloseTo(3, 12);
    expect(at("2023-04-30").components.conventional).toBeCloseTo(3, 12);
  });

  it("follows the half-life parameter", () => {
    expect(raw([strike], "2023-03-11", "2023-03-11", 10)["2023-03-11"].value).toBeCloseTo(3, 12);
    expect(raw([strike], "2023-03-31", "2023-03-31", 60)["2023-03-31"].value).toBeCloseTo(6 / Math.SQRT2, 12);
    expect(raw([strike], "2023-03-02", "2023-03-02", 1)["2023-03-02"].value).toBeCloseTo(3, 12);
  });

  it("defaults the half-life to 30 days", () => {
    const r = computeEscalationIndex({ events: [strike], from: "2023-03-31", to: "2023-03-31", scale: false });
    expect(r.params.halfLifeDays).toBe(DEFAULT_HALF_LIFE_DAYS);
    expect(r.points[0].value).toBeCloseTo(3, 12);
  });
});

describe("computeEscalationIndex — combining events", () => {
  it("is additive", () => {
    const a = ev("a", "2023-03-01", "nuclear_signalling", 9);
    const b = ev("b", "2023-03-16", "weapons_authorisation", 5, "reported");
    const both = raw([a, b], "2023-02-01", "2023-06-01");
    const onlyA = raw([a], "2023-02-01", "2023-06-01");
    const onlyB = raw([b], "2023-02-01", "2023-06-01");
    for (const d of Object.keys(both)) {
      expect(both[d].value).toBeCloseTo(onlyA[d].value + onlyB[d].value, 12);
    }
    // 2023-03-31: a is 30 days old (9/2), b is 15 days old (5 × 0.6 × 2^-0.5).
    expect(both["2023-03-31"].value).toBeCloseTo(4.5 + 3 / Math.SQRT2, 12);
    expect(both["2023-03-31"].components.nuclear).toBeCloseTo(4.5, 12);
    expect(both["2023-03-31"].components.western_support).toBeCloseTo(3 / Math.SQRT2, 12);
  });

  it("sums same-day events", () => {
    const p = raw([strike, ev("m", "2023-03-01", "mobilisation", 6)], "2023-03-01", "2023-03-01");
    expect(p["2023-03-01"].value).toBeCloseTo(12, 12);
  });

  it("lowers the index with de-escalation events", () => {
    const talks = ev("t", "2023-03-01", "de_escalation", -3);
    const p = raw([strike, talks], "2023-03-01", "2023-03-31");
    expect(p["2023-03-01"].value).toBeCloseTo(3, 12);
    expect(p["2023-03-01"].components.de_escalation).toBeCloseTo(-3, 12);
    expect(p["2023-03-31"].value).toBeCloseTo(1.5, 12);
    expect(raw([talks], "2023-03-01", "2023-03-01")["2023-03-01"].value).toBeCloseTo(-3, 12);
  });

  it("weights by confidence: confirmed 1, reported 0.6, disputed 0.3", () => {
    const day = (c: "confirmed" | "reported" | "disputed") =>
      raw([ev("x", "2023-03-01", "third_country_deployment", 8, c)], "2023-03-01", "2023-03-01")["2023-03-01"].value;
    expect(day("confirmed")).toBeCloseTo(8, 12);
    expect(day("reported")).toBeCloseTo(4.8, 12);
    expect(day("disputed")).toBeCloseTo(2.4, 12);
  });
});

describe("computeEscalationIndex — date range", () => {
  it("counts events before `from`", () => {
    const p = raw([ev("old", "2023-01-01", "annexation", 7)], "2023-01-31", "2023-01-31");
    expect(p["2023-01-31"].value).toBeCloseTo(3.5, 12);
  });

  it("ignores events after `to`", () => {
    const r = computeEscalationIndex({ events: [strike], from: "2023-01-01", to: "2023-02-28", halfLifeDays: 30, scale: false });
    expect(r.points.every((p) => p.value === 0)).toBe(true);
  });

  it("returns one point when from == to, and one per day inclusive otherwise", () => {
    expect(raw([strike], "2023-03-01", "2023-03-01")).toHaveProperty(["2023-03-01"]);
    const r = computeEscalationIndex({ events: [], from: "2024-02-27", to: "2024-03-01", halfLifeDays: 30 });
    expect(r.points.map((p) => p.date)).toEqual(["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"]);
    const single = computeEscalationIndex({ events: [strike], from: "2023-03-01", to: "2023-03-01", halfLifeDays: 30 });
    expect(single.points).toHaveLength(1);
  });

  it("handles empty input: zeros, unscaled", () => {
    const r = computeEscalationIndex({ events: [], from: "2022-01-01", to: "2022-01-10", halfLifeDays: 30 });
    expect(r.points).toHaveLength(10);
    expect(r.points.every((p) => p.value === 0 && CHANNELS.every((c) => p.components[c] === 0))).toBe(true);
    expect(r.scale).toMatchObject({ factor: 1, scaled: false });
  });

  it("stays exact over long ranges (recursion re-anchored)", () => {
    const e = ev("e", "2015-01-01", "doctrine_change", 9);
    const r = computeEscalationIndex({ events: [e], from: "2015-01-01", to: "2021-12-31", halfLifeDays: 365, scale: false });
    r.points.forEach((p, age) => expect(p.value).toBeCloseTo(9 * Math.pow(0.5, age / 365), 12));
  });
});

describe("computeEscalationIndex — channel selection", () => {
  const events = [ev("n", "2023-03-01", "nuclear_signalling", 9), strike, ev("t", "2023-03-01", "de_escalation", -2)];

  it("sums only the selected channels into value but lists all components", () => {
    const r = computeEscalationIndex({ events, from: "2023-03-01", to: "2023-03-01", halfLifeDays: 30, channels: ["nuclear", "de_escalation"], scale: false });
    expect(r.points[0].value).toBeCloseTo(7, 12);
    expect(Object.keys(r.points[0].components)).toEqual([...CHANNELS]);
    expect(r.points[0].components.conventional).toBeCloseTo(6, 12);
    expect(r.params.channels).toEqual(["nuclear", "de_escalation"]);
  });

  it("normalises the selection to CHANNELS order without duplicates", () => {
    const r = computeEscalationIndex({ events, from: "2023-03-01", to: "2023-03-01", halfLifeDays: 30, channels: ["de_escalation", "nuclear", "nuclear"] });
    expect(r.params.channels).toEqual(["nuclear", "de_escalation"]);
  });

  it("uses all channels when none are given", () => {
    const r = computeEscalationIndex({ events, from: "2023-03-01", to: "2023-03-01", halfLifeDays: 30, scale: false });
    expect(r.params.channels).toEqual([...CHANNELS]);
    expect(r.points[0].value).toBeCloseTo(13, 12);
  });
});

describe("computeEscalationIndex — validation", () => {
  const base = { events: [strike], from: "2023-01-01", to: "2023-01-31", halfLifeDays: 30 };
  const bad = (override: object, message: RegExp) => expect(() => computeEscalationIndex({ ...base, ...override } as typeof base)).toThrow(message);

  it("rejects bad ranges and dates", () => {
    bad({ from: "2023-02-01" }, /from \(2023-02-01\) must not be after to/);
    bad({ from: "2023-02-30" }, /from must be a valid calendar date/);
    bad({ to: "31/01/2023" }, /to must be a valid calendar date/);
    bad({ from: "1900-01-01", to: "2023-01-01" }, /exceeds/);
    expect(() => computeEscalationIndex({ ...base, from: "2023-02-01" })).toThrow(RangeError);
  });

  it("rejects half-lives outside 1..365", () => {
    bad({ halfLifeDays: 0.5 }, /halfLifeDays must be a number from 1 to 365/);
    bad({ halfLifeDays: 366 }, /halfLifeDays/);
    bad({ halfLifeDays: Number.NaN }, /halfLifeDays/);
    bad({ halfLifeDays: "30" }, /halfLifeDays/);
    expect(() => computeEscalationIndex({ ...base, halfLifeDays: 1 })).not.toThrow();
    expect(() => computeEscalationIndex({ ...base, halfLifeDays: 365 })).not.toThrow();
  });

  it("rejects unknown or empty channel selections", () => {
    bad({ channels: [] }, /channels must not be empty/);
    bad({ channels: ["naval"] }, /unknown channel "naval"/);
  });

  it("rejects inconsistent events, naming them", () => {
    bad({ events: [ev("x", "2023-01-01", "de_escalation", 2)] }, /event "x".*wrong sign/);
    bad({ events: [ev("x", "2023-01-01", "mobilisation", -1)] }, /wrong sign/);
    bad({ events: [ev("x", "2023-01-01", "mobilisation", 11)] }, /event "x": severity must be from -5 to 10/);
    bad({ events: [ev("x", "2023-01-01", "mobilisation", Number.NaN)] }, /severity/);
    bad({ events: [{ ...strike, type: "coup" }] }, /unknown type "coup"/);
    bad({ events: [{ ...strike, confidence: "rumour" }] }, /unknown confidence/);
    bad({ events: [{ ...strike, date: "2023-3-1" }] }, /event "s": date must be a valid calendar date/);
  });
});
