import { describe, expect, it } from "vitest";
import { formatFreshness } from "./data-freshness";

describe("formatFreshness", () => {
  it("names the release, its data period and publication, then the last event and deployment", () => {
    expect(
      formatFreshness({
        tracker: {
          datasetId: "kiel-ust",
          name: "Ukraine Support Tracker, Release 29 (04/2026)",
          releaseNumber: "29",
          dataTo: "2026-04-30",
          publishedAt: "2026-08-04",
        },
        eventsTo: "2025-06-01",
        deploymentsTo: "2025-06-17",
      }),
    ).toBe("Kiel R29, data to Apr 2026, published 4 Aug 2026 · events to 1 Jun 2025 · deployments to 17 Jun 2025");
  });

  it("says what is missing rather than inventing it", () => {
    expect(
      formatFreshness({
        tracker: { datasetId: "kiel-ust", name: "Kiel UST (file x.csv)", releaseNumber: null, dataTo: "2026-04-30", publishedAt: null },
        eventsTo: null,
        deploymentsTo: null,
      }),
    ).toBe("Kiel UST (file x.csv), data to Apr 2026 · no events · no deployments");
    expect(formatFreshness({ tracker: null, eventsTo: "2025-06-01", deploymentsTo: null })).toBe(
      "no Kiel release imported · events to 1 Jun 2025 · no deployments",
    );
  });
});
