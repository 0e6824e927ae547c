import { describe, expect, it } from "vitest";
import { VersionedCache } from "./versioned-cache";

describe("VersionedCache", () => {
  it("returns an entry only at the version it was made at", () => {
    const c = new VersionedCache(1000);
    c.set("a", "3", "body");
    expect(c.get("a", "3")).toBe("body");
    expect(c.get("a", "4")).toBeUndefined();
    // a stale entry is dropped, not kept for a later version
    expect(c.get("a", "3")).toBeUndefined();
    expect(c.byteSize).toBe(0);
  });

  it("evicts the least recently used entries beyond its byte budget", () => {
    const c = new VersionedCache(40);
    c.set("a", "1", "x".repeat(10));
    c.set("b", "1", "y".repeat(10));
    expect(c.get("a", "1")).toBeDefined(); // a is now more recent than b
    c.set("c", "1", "z".repeat(10));
    c.set("d", "1", "w".repeat(10));
    c.set("e", "1", "v".repeat(10));
    expect(c.byteSize).toBeLessThanOrEqual(40);
    expect(c.get("b", "1")).toBeUndefined();
    expect(c.get("a", "1")).toBeDefined();
    expect(c.get("e", "1")).toBeDefined();
  });

  it("does not let one large body take the whole budget", () => {
    const c = new VersionedCache(40);
    c.set("small", "1", "s");
    c.set("huge", "1", "h".repeat(30));
    expect(c.get("huge", "1")).toBeUndefined();
    expect(c.get("small", "1")).toBe("s");
  });
});
