import { describe, expect, it } from "vitest";
import { parseAsInteger } from "nuqs/server";
import { groupTools, invalidUnless, paramProblems, parseAsList, unknownItems } from "./params";

const oneOf = (xs: string[]) => (v: string) => (xs.includes(v) ? v : null);
const group = {
  parsers: { n: parseAsInteger.withDefault(3), tags: parseAsList({ parse: oneOf(["a", "b"]) }).withDefault([]) },
  checks: { n: invalidUnless(parseAsInteger.parse, "a whole number"), tags: unknownItems(oneOf(["a", "b"]), "tag") },
};

describe("URL parameter groups", () => {
  it("parses with nuqs, dropping blanks, duplicates and unknown list items", () => {
    expect(groupTools(group).load({ n: "7", tags: "b,,a,b,z" })).toEqual({ n: 7, tags: ["b", "a"] });
    expect(groupTools(group).load({})).toEqual({ n: 3, tags: [] });
  });
  it("serializes without defaults and over a base, keeping other keys", () => {
    const t = groupTools(group);
    expect(t.serialize({ n: 3, tags: ["a", "b"] })).toBe("tags=a,b");
    expect(t.serializeOver(new URLSearchParams("x=1&n=9"), { n: 3 })).toBe("x=1");
  });
  it("names every rejected value and every key no group reads", () => {
    expect(paramProblems({ n: "x", tags: "a,z", other: "1" }, [group])).toEqual([
      '"n=x" is not valid (a whole number); it was ignored.',
      'Unknown tag "z" in "tags=a,z"; ignored.',
      '"other=1" is not a setting of this page; it was ignored.',
    ]);
    expect(paramProblems({ other: "1" }, [group], [{ other: parseAsInteger }])).toEqual([]);
    expect(paramProblems({ other: "1" }, [group], "all")).toEqual([]);
  });
});
