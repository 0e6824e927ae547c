import { describe, expect, it } from "vitest";
import { kielSourceId, resolveReleaseMeta } from "@/lib/import/kiel/release-meta";

const info = { release: "29", period: { year: 2026, month: 4 }, publishedAt: "2026-08-04", label: "Ukraine Support Tracker, Release 29 (04/2026)" };

describe("resolveReleaseMeta", () => {
  it("takes label, date and period from release_info.csv", () => {
    const { meta, warnings } = resolveReleaseMeta({ releaseInfo: info, dataFileName: "data_explorer.csv", lastDataMonth: { year: 2026, month: 4 } });
    expect(meta).toEqual({
      label: info.label,
      releaseNumber: "29",
      sourceId: "src-kiel-ust-r29",
      publishedAt: "2026-08-04",
      period: "04/2026",
      asOf: "2026-04-30",
      labelDerived: false,
    });
    expect(warnings).toEqual([]);
  });

  it("lets flags override release_info.csv", () => {
    const { meta } = resolveReleaseMeta({
      releaseInfo: info,
      label: "My label",
      published: "2026-09-01",
      dataFileName: "x.csv",
      lastDataMonth: { year: 2026, month: 4 },
    });
    expect(meta).toMatchObject({ label: "My label", publishedAt: "2026-09-01", sourceId: "src-kiel-ust-r29" });
  });

  it("derives a label and period from a lone file, and says so", () => {
    const { meta, warnings } = resolveReleaseMeta({ releaseInfo: null, dataFileName: "de.csv", lastDataMonth: { year: 2024, month: 2 } });
    expect(meta.label).toBe("Kiel UST (file de.csv, data through 02/2024)");
    expect(meta.labelDerived).toBe(true);
    expect(meta.asOf).toBe("2024-02-29");
    expect(meta.publishedAt).toBeNull();
    expect(warnings.join(" ")).toMatch(/no release label/);
  });

  it("makes stable source ids", () => {
    expect(kielSourceId(null, "Ukraine Support Tracker, Release 30 (06/2026)")).toBe("src-kiel-ust-r30");
    expect(kielSourceId(null, "Kiel UST (file de.csv)")).toBe("src-kiel-ust-kiel-ust-file-de-csv");
  });
});
