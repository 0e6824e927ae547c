import { describe, expect, it } from "vitest";
import { emptyCategories } from "@/lib/aid/aggregate";
import { donorChartMode, gdpShareRanking, hasGdpFigures, shareOfGdp } from "./share-of-gdp";

const donor = (donorCode: string, total: number, gdpEur: number | null) => ({ donorCode, donorName: donorCode, total, gdpEur, byCategory: emptyCategories() });

describe("share of GDP", () => {
  it("divides by GDP only where there is a positive GDP figure", () => {
    expect(shareOfGdp(5, 1000)).toBe(0.005);
    expect(shareOfGdp(5, null)).toBeNull();
    expect(shareOfGdp(5, 0)).toBeNull();
  });
  it("shows shares only when the link asks and the dataset has GDP", () => {
    const withGdp = { byDonor: [donor("DEU", 1, 100), donor("EU", 2, null)] };
    const without = { byDonor: [donor("DEU", 1, null)] };
    expect(hasGdpFigures(withGdp)).toBe(true);
    expect(donorChartMode(true, withGdp)).toBe("gdp");
    expect(donorChartMode(false, withGdp)).toBe("amount");
    expect(donorChartMode(true, without)).toBe("amount");
    expect(donorChartMode(true, undefined)).toBe("amount");
  });
  it("ranks donors by share, leaving out those without GDP", () => {
    const s = { byDonor: [donor("DEU", 10, 1000), donor("EST", 5, 50), donor("EU", 50, null), donor("FRA", 1, 1000)] };
    expect(gdpShareRanking(s, 2).map((r) => [r.code, r.share])).toEqual([
      ["EST", 0.1],
      ["DEU", 0.01],
    ]);
  });
});
