import { describe, expect, it } from "vitest";
import { ACTIONS, ROLES, can, isRole, roleRank } from "./roles";

// The whole table, written out by hand: a change to a permission must change this test.
const EXPECTED: Record<string, string> = {
  //                 viewer editor reviewer admin
  "data.read": "Y Y Y Y",
  "draft.create": "- Y Y Y",
  "draft.read": "- Y Y Y",
  "draft.review": "- - Y Y",
  "data.write": "- - - Y",
  "audit.read": "- - Y Y",
  "audit.revert": "- - Y Y",
  "import.run": "- - - Y",
  "user.manage": "- - - Y",
  "token.manage": "- - - Y",
};

describe("permission table (role × action)", () => {
  it("covers every action", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });
  for (const action of ACTIONS) {
    it(`${action}: ${EXPECTED[action]}`, () => {
      const got = ROLES.map((r) => (can(r, action) ? "Y" : "-")).join(" ");
      expect(got).toBe(EXPECTED[action]);
    });
  }
  it("ranks roles and recognises only known names", () => {
    expect(ROLES.map(roleRank)).toEqual([0, 1, 2, 3]);
    expect(isRole("reviewer")).toBe(true);
    expect(isRole("root")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
