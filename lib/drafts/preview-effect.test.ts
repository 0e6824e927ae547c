import { describe, expect, it } from "vitest";
import { previewEventEffect } from "./preview-effect";
import type { IndexEvent } from "@/lib/escalation";

const ev = (id: string, date: string, severity: number, type: IndexEvent["type"] = "nuclear_signalling"): IndexEvent => ({
  id,
  date,
  title: id,
  type,
  severity,
  confidence: "confirmed",
});

describe("previewEventEffect", () => {
  it("reads the effect on the date and 30 days later: half of it with a 30-day half-life", () => {
    // No 2022 events: the index is unscaled, so the effect is the event's own impulse, decaying by half in 30 days.
    const e = previewEventEffect([ev("a", "2025-01-01", 3)], ev("new", "2025-03-01", 2));
    expect(e.date).toBe("2025-03-01");
    expect(e.laterDate).toBe("2025-03-31");
    expect(e.onDate).toBeGreaterThan(0);
    expect(e.later / e.onDate).toBeCloseTo(0.5, 12);
  });

  it("is negative for a de-escalation and ignores a stored event with the same id (an edit previews its new state)", () => {
    const events = [ev("x", "2025-03-01", 5)];
    const d = previewEventEffect(events, ev("x", "2025-03-01", -2, "de_escalation"));
    expect(d.onDate).toBeLessThan(0);
    const same = previewEventEffect(events, ev("y", "2025-03-01", -2, "de_escalation"));
    expect(d.onDate).toBeCloseTo(same.onDate, 12);
  });

  it("shows an event in the 2022 reference year through the scale: the index is rescaled, not just added to", () => {
    const base = [ev("r", "2022-03-01", 5)];
    const e = previewEventEffect(base, ev("n", "2022-03-01", 5));
    // Doubling the only reference impulse keeps the 2022 peak at 100: the day's value does not change.
    expect(e.onDate).toBeCloseTo(0, 9);
  });
});
