import { describe, expect, it } from "vitest";
import type { DeploymentDto } from "@/lib/deployments/queries";
import { countriesWithFigures, personnelRows } from "./personnel-series";
import { personnelText } from "./labels";
import { deploymentsApiQuery, parseDeploymentRange } from "./deployment-params";

function dep(id: string, date: string, low: number | null, high: number | null, extra: Partial<DeploymentDto> = {}): DeploymentDto {
  return {
    id,
    date,
    deployingCountry: "PRK",
    hostCountry: "RUS",
    location: "Kursk Oblast",
    forceType: "troops",
    personnelLow: low,
    personnelHigh: high,
    status: "reported",
    notes: null,
    sources: [{ id: "s", publisher: "Agency", title: "T", url: "https://example.org", publishedAt: null, releaseLabel: null }],
    ...extra,
  };
}

describe("personnelRows", () => {
  const items = [
    dep("b", "2024-10-23", 3000, null),
    dep("a", "2024-10-18", 1500, 12000, { forceType: "special_forces" }),
    dep("c", "2024-10-31", null, 8000),
    dep("d", "2024-11-01", null, null),
    dep("e", "2025-06-17", 1000, 1000, { forceType: "engineers" }),
    dep("f", "2024-12-01", 500, 900, { deployingCountry: "IRN" }),
  ];

  it("keeps the combat reports with a figure, in date order, split by which bounds are known", () => {
    const rows = personnelRows(items, "PRK");
    expect(rows.map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(rows[0]).toMatchObject({ range: [1500, 12000], lowOnly: null, highOnly: null, publishers: ["Agency"] });
    expect(rows[1]).toMatchObject({ range: null, lowOnly: 3000, highOnly: null });
    expect(rows[2]).toMatchObject({ range: null, lowOnly: null, highOnly: 8000 });
  });

  it("can select other force types and countries", () => {
    expect(personnelRows(items, "PRK", ["engineers"]).map((r) => r.range)).toEqual([[1000, 1000]]);
    expect(personnelRows(items, "IRN").map((r) => r.id)).toEqual(["f"]);
  });

  it("orders countries by reports with figures", () => {
    expect(countriesWithFigures(items)).toEqual(["PRK", "IRN"]);
  });
});

describe("labels and params", () => {
  it("describes a personnel figure", () => {
    expect(personnelText(1500, 12000)).toBe("1,500–12,000");
    expect(personnelText(10000, 10000)).toBe("10,000");
    expect(personnelText(3000, null)).toBe("at least 3,000");
    expect(personnelText(null, 8000)).toBe("up to 8,000");
    expect(personnelText(null, null)).toBe("not stated");
  });

  it("reads the range and builds a canonical query", () => {
    expect(parseDeploymentRange({ from: "2024-10-01", to: "2024-12-31" })).toEqual({ from: "2024-10-01", to: "2024-12-31", problems: [] });
    const reversed = parseDeploymentRange({ from: "2025-01-01", to: "2024-01-01" });
    expect(reversed).toMatchObject({ from: null, to: null });
    expect(reversed.problems).toHaveLength(1);
    expect(deploymentsApiQuery({ from: null, to: "2025-01-01" })).toBe("pageSize=1000&to=2025-01-01");
  });
});
