import { describe, expect, it } from "vitest";
import { deploymentsApiQuery, parseDeploymentRange } from "./deployment-params";

describe("parseDeploymentRange", () => {
  it("names a parameter the page does not read instead of calling it a date problem (/deployments?top=99)", () => {
    const r = parseDeploymentRange({ top: "99" });
    expect(r).toEqual({ from: null, to: null, problems: ['"top=99" is not a setting of this page; it was ignored.'] });
  });
  it("reads and checks the shared date range like the dashboard", () => {
    expect(parseDeploymentRange({ from: "2024-01-01", to: "2024-02-30" })).toEqual({
      from: "2024-01-01",
      to: null,
      problems: ['"to=2024-02-30" is not valid (a date as YYYY-MM-DD); it was ignored.'],
    });
    expect(parseDeploymentRange({ from: "2024-05-01", to: "2024-01-01" }).problems[0]).toMatch(/after the end date/);
  });
});

describe("deploymentsApiQuery", () => {
  it("is canonical: sorted keys, one page holding the whole list", () => {
    expect(deploymentsApiQuery({ from: "2024-01-01", to: null })).toBe("from=2024-01-01&pageSize=1000");
  });
});
