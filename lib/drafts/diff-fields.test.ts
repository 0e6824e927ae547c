import { describe, expect, it } from "vitest";
import { diffFields } from "./diff-fields";

const FIELDS = ["date", "title", "severity", "actors"];

describe("diffFields", () => {
  it("lists only the fields that change, in field order", () => {
    const before = { date: "2024-01-01", title: "A", severity: 3, actors: ["RUS"], typeLabel: "x" };
    const after = { date: "2024-01-01", title: "B", severity: 4, actors: ["RUS"], typeLabel: "y" };
    expect(diffFields(before, after, FIELDS)).toEqual([
      { field: "title", before: "A", after: "B" },
      { field: "severity", before: 3, after: 4 },
    ]);
  });
  it("shows every field as new for a create and as removed for a delete", () => {
    const e = { date: "2024-01-01", title: "A", severity: 3, actors: [] };
    expect(diffFields(null, e, FIELDS).map((c) => [c.field, c.before, c.after])).toEqual([
      ["date", null, "2024-01-01"],
      ["title", null, "A"],
      ["severity", null, 3],
      ["actors", null, []],
    ]);
    expect(diffFields(e, null, FIELDS).map((c) => c.after)).toEqual([null, null, null, null]);
  });
  it("compares arrays by value and order", () => {
    expect(diffFields({ actors: ["RUS", "UKR"] }, { actors: ["RUS", "UKR"] }, FIELDS)).toEqual([]);
    expect(diffFields({ actors: ["RUS", "UKR"] }, { actors: ["UKR", "RUS"] }, FIELDS)).toHaveLength(1);
  });
});
