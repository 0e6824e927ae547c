import { describe, expect, it } from "vitest";
import { briefQuery, dashboardQuery, DEFAULT_BRIEF_WIDGETS, parseBriefOptions } from "./brief-params";

describe("parseBriefOptions", () => {
  it("defaults to the KPI strip and the two aid charts with a plain title", () => {
    expect(parseBriefOptions(new URLSearchParams(""))).toEqual({
      options: { title: "Aid to Ukraine", subtitle: null, widgets: DEFAULT_BRIEF_WIDGETS },
      problems: [],
    });
  });

  it("reads title, subtitle and widgets; keeps the KPI strip first", () => {
    const { options, problems } = parseBriefOptions(
      new URLSearchParams("title=Weekly%20brief&subtitle=For%20the%20committee&widgets=escalation,kpis,aid-escalation"),
    );
    expect(problems).toEqual([]);
    expect(options).toEqual({ title: "Weekly brief", subtitle: "For the committee", widgets: ["kpis", "escalation", "aid-escalation"] });
  });

  it("titles a slide by what it shows when no title is given", () => {
    expect(parseBriefOptions({ widgets: "escalation,deployments" }).options.title).toBe("Escalation and deployments");
    expect(parseBriefOptions({ widgets: "kpis,escalation" }).options.title).toBe("Aid to Ukraine and escalation");
  });

  it("reports unknown widgets and more than four charts, and keeps what it can", () => {
    const { options, problems } = parseBriefOptions({
      widgets: "aid-over-time,pie,aid-by-donor,escalation,deployments,aid-escalation",
    });
    expect(options.widgets).toEqual(["aid-over-time", "aid-by-donor", "escalation", "deployments"]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('"pie"');
    expect(problems[1]).toContain("aid-escalation");
  });

  it("names a key that neither the slide nor the dashboard's filters read", () => {
    expect(parseBriefOptions({ donor: "DEU", title: "T", halfLife: "60" }).problems).toEqual(['"halfLife=60" is not a setting of this page; it was ignored.']);
  });

  it("shortens an over-long title and says so", () => {
    const { options, problems } = parseBriefOptions({ title: "x".repeat(300) });
    expect(options.title.length).toBeLessThanOrEqual(120);
    expect(problems[0]).toContain('"title"');
  });
});

describe("briefQuery / dashboardQuery", () => {
  it("adds the slide's parameters to the filter query and strips them back off", () => {
    const qs = briefQuery("donor=DEU&measure=allocation", { title: "Brief", widgets: ["kpis", "escalation"] });
    expect(qs).toBe("donor=DEU&measure=allocation&title=Brief&widgets=kpis,escalation");
    expect(dashboardQuery(qs)).toBe("donor=DEU&measure=allocation");
    expect(briefQuery("measure=allocation", { widgets: DEFAULT_BRIEF_WIDGETS })).toBe("measure=allocation");
  });
});
