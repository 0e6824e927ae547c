import { describe, expect, it } from "vitest";
import { moneyTickFormatter } from "./axis-format";

describe("moneyTickFormatter", () => {
  it("gives each tick a distinct label", () => {
    const ticks = [0, 5e5, 1e6, 1.5e6, 2e6];
    const f = moneyTickFormatter(ticks, "EUR");
    expect(ticks.map(f)).toEqual(["€0", "€500 k", "€1 m", "€1.5 m", "€2 m"]);
  });

  it("keeps whole numbers whole", () => {
    const f = moneyTickFormatter([0, 1e10, 2e10, 3e10], "USD");
    expect([0, 1e10, 2e10, 3e10].map(f)).toEqual(["$0", "$10 bn", "$20 bn", "$30 bn"]);
  });

  it("uses two decimals for quarter steps", () => {
    const f = moneyTickFormatter([0, 2.5e8, 5e8, 7.5e8, 1e9], "EUR");
    expect(f(7.5e8)).toBe("€750 m");
    expect(f(1e9)).toBe("€1 bn");
    const g = moneyTickFormatter([0, 2.5e9, 5e9, 7.5e9], "EUR");
    expect(g(2.5e9)).toBe("€2.5 bn");
  });
});
