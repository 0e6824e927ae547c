import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS } from "@/lib/filters/filter-state";
import { briefReads, lastTwelveMonths } from "./brief-queries";

const coverage = {
  aid: { from: "2022-01-01", to: "2026-04-01" },
  events: { from: "2022-02-24", to: "2025-06-01" },
  deployments: { from: "2023-10-13", to: "2025-06-17" },
};

describe("briefReads", () => {
  it("asks only for what the chosen widgets show", () => {
    const r = briefReads(DEFAULT_FILTERS, ["aid-over-time"], coverage);
    expect(r.timeseries).toBe("currency=EUR&granularity=month&measure=allocation");
    expect([r.summary, r.previousSummary, r.escalation, r.events, r.deployments, r.monthly]).toEqual([null, null, null, null, null, null]);
  });

  it("draws the escalation index over the whole range (the figures shade what follows the last curated event) and takes every event up to that event for sources", () => {
    const r = briefReads(DEFAULT_FILTERS, ["escalation", "deployments"], coverage);
    expect(r.range).toEqual({ from: "2022-01-01", to: "2026-04-30" });
    expect(r.escalationRange).toEqual({ from: "2022-01-01", to: "2026-04-30" });
    expect(r.escalation).toBe("from=2022-01-01&to=2026-04-30");
    expect(r.eventsTo).toBe("2025-06-01");
    expect(r.events).toBe("pageSize=1000&to=2025-06-01");
    expect(r.deployments).toBe("from=2022-01-01&pageSize=1000&to=2026-04-30");
  });

  it("ends the events at the range's end when it comes before the last curated event, and reads no index without events", () => {
    const r = briefReads({ ...DEFAULT_FILTERS, from: "2024-01-01", to: "2024-12-31" }, ["aid-escalation"], coverage);
    expect(r.escalation).toBe("from=2024-01-01&to=2024-12-31");
    expect(r.eventsTo).toBe("2024-12-31");
    const none = briefReads(DEFAULT_FILTERS, ["escalation"], { ...coverage, events: { from: null, to: null } });
    expect([none.escalationRange, none.eventsTo, none.escalation, none.events]).toEqual([null, null, null, null]);
  });

  it("compares the KPI strip with the equal period before when the data reaches back", () => {
    const r = briefReads({ ...DEFAULT_FILTERS, from: "2024-01-01", to: "2024-12-31" }, ["kpis"], coverage);
    expect(r.previous).toEqual({ from: "2023-01-01", to: "2023-12-31" });
    expect(r.previousSummary).toContain("from=2023-01-01");
    expect(r.recentSummary).toBeNull();
  });

  it("falls back to the last 12 months against the 12 before when the view starts with the data", () => {
    const r = briefReads(DEFAULT_FILTERS, ["kpis"], coverage);
    expect(r.recent).toEqual({ from: "2025-05-01", to: "2026-04-30" });
    expect(r.recentSummary).toContain("from=2025-05-01");
    // The comparison period is the strip's `previous`, as on the dashboard's tile (lib/kpi/change).
    expect(r.previous).toEqual({ from: "2024-05-01", to: "2025-04-30" });
    expect(r.previousSummary).toContain("from=2024-05-01");
    expect(r.previousSummary).toContain("to=2025-04-30");
    expect(lastTwelveMonths({ from: "2025-01-01", to: "2025-12-31" })).toBeNull();
  });
});
