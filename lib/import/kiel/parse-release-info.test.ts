import { describe, expect, it } from "vitest";
import { parseReleaseInfo } from "@/lib/import/kiel/parse-release-info";

describe("parseReleaseInfo", () => {
  it("reads release, period, date and label", () => {
    const r = parseReleaseInfo(`"release","period","date","label"\n"29","04/2026","2026-08-04","Ukraine Support Tracker, Release 29 (04/2026)"\n`);
    expect(r).toEqual({
      ok: true,
      value: {
        release: "29",
        period: { year: 2026, month: 4 },
        publishedAt: "2026-08-04",
        label: "Ukraine Support Tracker, Release 29 (04/2026)",
      },
    });
  });

  it("builds a label when none is given", () => {
    const r = parseReleaseInfo(`release,period\n30,6/2026\n`);
    expect(r.ok && r.value).toMatchObject({ label: "Ukraine Support Tracker, Release 30 (06/2026)", publishedAt: null });
  });

  it("rejects a bad period and date with line and column", () => {
    const r = parseReleaseInfo(`release,period,date,label\n29,13/2026,2026-02-30,x\n`);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.map((i) => [i.line, i.column])).toEqual([
        [2, "period"],
        [2, "date"],
      ]);
  });

  it("wants exactly one row", () => {
    expect(parseReleaseInfo(`release,period\n`).ok).toBe(false);
    expect(parseReleaseInfo(`release,period\n1,01/2022\n2,02/2022\n`).ok).toBe(false);
  });
});
