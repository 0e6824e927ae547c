import { describe, expect, it } from "vitest";
import { EVENT_TYPES, type Confidence } from "../domain/taxonomy";
import { computeEscalationIndex } from "./compute-escalation-index";
import { explainEscalationDay } from "./explain-escalation-day";
import { formatDay, tryParseDay } from "./dates";
import { ev, rng } from "./test-helpers";
import type { IndexEvent } from "./types";

describe("explainEscalationDay", () => {
  const a = ev("a", "2023-03-01", "nuclear_signalling", 9);
  const b = ev("b", "2023-03-16", "weapons_authorisation", 5, "reported");
  const c = ev("c", "2023-03-30", "de_escalation", -1, "disputed");
  const later = ev("z", "2023-04-01", "annexation", 7);

  it("lists dated ≤ day events with their arithmetic, largest |contribution| first", () => {
    const x = explainEscalationDay({ events: [c, later, b, a], date: "2023-03-31", halfLifeDays: 30, scale: false });
    expect(x.contributions.map((r) => r.event.id)).toEqual(["a", "b", "c"]);
    const [ra, rb, rc] = x.contributions;
    expect(ra).toMatchObject({ channel: "nuclear", ageDays: 30, confidenceWeight: 1 });
    expect(ra.decayFactor).toBeCloseTo(0.5, 15);
    expect(ra.contribution).toBeCloseTo(4.5, 12);
    expect(rb).toMatchObject({ channel: "western_support", ageDays: 15, confidenceWeight: 0.6 });
    expect(rb.contribution).toBeCloseTo(3 / Math.SQRT2, 12);
    expect(rc).toMatchObject({ channel: "de_escalation", ageDays: 1, confidenceWeight: 0.3 });
    expect(rc.contribution).toBeCloseTo(-0.3 * Math.pow(0.5, 1 / 30), 12);
    expect(x.value).toBeCloseTo(4.5 + 3 / Math.SQRT2 - 0.3 * Math.pow(0.5, 1 / 30), 12);
    expect(x.omitted).toEqual({ count: 0, contribution: 0 });
  });

  it("returns the caller's event objects, extra fields included", () => {
    const rich = { ...a, sourceUrl: "https://example.org" };
    const x = explainEscalationDay({ events: [rich], date: "2023-03-01", halfLifeDays: 30 });
    expect(x.contributions[0].event.sourceUrl).toBe("https://example.org");
  });

  it("counts an event in full on its own day and ignores it the day before", () => {
    expect(explainEscalationDay({ events: [later], date: "2023-04-01", halfLifeDays: 30, scale: false }).value).toBe(7);
    const before = explainEscalationDay({ events: [later], date: "2023-03-31", halfLifeDays: 30 });
    expect(before.contributions).toEqual([]);
    expect(before.value).toBe(0);
  });

  it("applies the same scale as the index", () => {
    const events = [ev("j", "2022-06-01", "nuclear_signalling", 10), a];
    const x = explainEscalationDay({ events, date: "2023-03-01", halfLifeDays: 30 });
    const r = computeEscalationIndex({ events, from: "2023-03-01", to: "2023-03-01", halfLifeDays: 30 });
    expect(x.scale).toEqual(r.scale);
    expect(x.scale.scaled).toBe(true);
    expect(x.value).toBeCloseTo(r.points[0].value, 9);
  });

  it("omits negligible contributions but accounts for them", () => {
    const x = explainEscalationDay({ events: [ev("o", "2023-01-01", "mobilisation", 6), a], date: "2023-03-01", halfLifeDays: 1, scale: false });
    expect(x.contributions.map((r) => r.event.id)).toEqual(["a"]);
    expect(x.omitted.count).toBe(1);
    expect(x.omitted.contribution).toBeGreaterThan(0);
    expect(x.omitted.contribution).toBeLessThan(1e-10);
  });

  it("validates its inputs", () => {
    expect(() => explainEscalationDay({ events: [], date: "2023-02-29", halfLifeDays: 30 })).toThrow(/date must be a valid calendar date/);
    expect(() => explainEscalationDay({ events: [], date: "2023-02-01", halfLifeDays: 400 })).toThrow(RangeError);
  });

  it("sums to the index value on every sampled day (500 events over ~5.5 years)", () => {
    const rand = rng(42);
    const start = tryParseDay("2021-06-01")!;
    const confidences: Confidence[] = ["confirmed", "reported", "disputed"];
    const events: IndexEvent[] = Array.from({ length: 500 }, (_, i) => {
      const type = EVENT_TYPES[Math.floor(rand() * EVENT_TYPES.length)];
      const severity = type === "de_escalation" ? -1 - Math.floor(rand() * 5) : 1 + Math.floor(rand() * 10);
      return ev(`e${i}`, formatDay(start + Math.floor(rand() * 2000)), type, severity, confidences[Math.floor(rand() * 3)]);
    });
    for (const halfLifeDays of [1, 7, 30, 365]) {
      const r = computeEscalationIndex({ events, from: "2021-01-01", to: "2026-12-31", halfLifeDays });
      expect(r.scale.scaled).toBe(true);
      for (let i = 0; i < r.points.length; i += 37) {
        const p = r.points[i];
        const x = explainEscalationDay({ events, date: p.date, halfLifeDays, scale: r.scale });
        const listed = x.contributions.reduce((s, row) => s + row.contribution, 0);
        expect(Math.abs(x.value - p.value)).toBeLessThan(1e-9);
        expect(Math.abs(listed - p.value)).toBeLessThan(1e-9);
        expect(Math.abs(listed + x.omitted.contribution - x.value)).toBeLessThan(1e-12);
        expect(x.contributions.every((row) => row.event.date <= p.date)).toBe(true);
      }
    }
  });
});
