import { describe, expect, it } from "vitest";
import { joinSourceField, splitSourceField } from "@/lib/import/aid/format";
import { MAX_LISTED_PROBLEMS, ProblemList } from "@/lib/import/aid/problems";

describe("source fields", () => {
  it("split what join writes, position by position", () => {
    const parts = ["https://a.example/x?y=1", "https://b.example/"];
    expect(splitSourceField(joinSourceField(parts))).toEqual(parts);
    expect(splitSourceField("  ")).toEqual([]);
    expect(splitSourceField("a|b | c")).toEqual(["a", "b", "c"]);
  });
});

describe("ProblemList", () => {
  it("lists at most 50 problems and counts the rest", () => {
    const p = new ProblemList();
    for (let i = 0; i < 70; i++) p.add(i + 2, "amount", "bad");
    expect(p.items).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(p.count).toBe(70);
    expect(p.unlisted).toBe(20);
    expect(p.ok).toBe(false);
  });
});
