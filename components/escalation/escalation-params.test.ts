import { describe, expect, it } from "vitest";
import { escalationApiQuery, explainApiQuery, normaliseChannels, parseEscalationParams, withViewParams } from "./escalation-params";

describe("parseEscalationParams", () => {
  it("defaults to a 30-day half-life and every channel", () => {
    expect(parseEscalationParams({})).toEqual({ params: { halfLife: 30, subindex: [] }, problems: [] });
  });

  it("reads the half-life and sub-indices, normalising order", () => {
    const r = parseEscalationParams(new URLSearchParams("halfLife=90&subindex=third_country,nuclear,nuclear"));
    expect(r.params).toEqual({ halfLife: 90, subindex: ["nuclear", "third_country"] });
    expect(r.problems).toEqual([]);
  });

  it("falls back and reports bad values", () => {
    const r = parseEscalationParams({ halfLife: "999", subindex: "naval,nuclear" });
    expect(r.params).toEqual({ halfLife: 30, subindex: ["nuclear"] });
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toContain("halfLife=999");
    expect(r.problems[1]).toContain('"naval"');
  });

  it("writes every channel as the empty list", () => {
    expect(normaliseChannels(["de_escalation", "third_country", "western_support", "conventional", "nuclear"])).toEqual([]);
  });
});

describe("query strings", () => {
  it("builds a canonical API query", () => {
    expect(escalationApiQuery({ from: null, to: null, halfLife: 30, subindex: [] })).toBe("halfLife=30");
    expect(escalationApiQuery({ from: "2024-01-01", to: "2024-12-31", halfLife: 45, subindex: ["nuclear", "de_escalation"] })).toBe(
      "from=2024-01-01&halfLife=45&subindex=nuclear%2Cde_escalation&to=2024-12-31",
    );
    expect(explainApiQuery("2024-10-18", 30)).toBe("date=2024-10-18&halfLife=30");
  });

  it("changes only this view's keys and drops defaults", () => {
    const current = new URLSearchParams("donor=DEU&measure=allocation&halfLife=60");
    expect(withViewParams(current, { halfLife: 30 })).toBe("donor=DEU&measure=allocation");
    expect(withViewParams(current, { subindex: ["nuclear"] })).toBe("donor=DEU&measure=allocation&halfLife=60&subindex=nuclear");
    expect(withViewParams(new URLSearchParams("subindex=nuclear"), { subindex: [] })).toBe("");
  });
});
