import { describe, expect, it } from "vitest";
import { exportFileName } from "./file-name";

describe("exportFileName", () => {
  it("slugs the chart name and each part of the filter summary", () => {
    expect(exportFileName({ base: "Aid over time", summary: "Germany, France · military · allocations · Feb 2022 – Apr 2026 · EUR", ext: "png" })).toBe(
      "aid-over-time_germany-france_military_allocations_feb-2022-apr-2026_eur.png",
    );
  });

  it("drops accents and punctuation, and falls back when there is no summary", () => {
    expect(exportFileName({ base: "Türkiye’s aid (top 10)", ext: ".csv" })).toBe("turkiye-s-aid-top-10.csv");
    expect(exportFileName({ base: "", ext: "svg" })).toBe("export.svg");
  });

  it("stays under about 120 characters by leaving out whole trailing parts", () => {
    const name = exportFileName({ base: "brief", summary: Array.from({ length: 30 }, (_, i) => `part number ${i}`).join(" · "), ext: "pdf" });
    expect(name.length).toBeLessThanOrEqual(124);
    expect(name).toMatch(/^brief_part-number-0_part-number-1_.*\.pdf$/);
  });
});
