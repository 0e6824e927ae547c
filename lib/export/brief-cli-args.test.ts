import { describe, expect, it } from "vitest";
import { normaliseQuery, outputPath, parseBriefCliArgs, UsageError } from "./brief-cli-args";

describe("parseBriefCliArgs", () => {
  it("reads queries, output, base URL, scale and timeout", () => {
    const o = parseBriefCliArgs([
      "--query",
      "donor=DEU",
      "--query",
      "?widgets=escalation",
      "--out",
      "b.PDF",
      "--base-url",
      "http://127.0.0.1:3000/",
      "--scale",
      "2",
      "--timeout",
      "30",
    ]);
    expect(o).toMatchObject({
      queries: ["donor=DEU", "widgets=escalation"],
      out: "b.PDF",
      format: "pdf",
      baseUrl: "http://127.0.0.1:3000",
      scale: 2,
      timeoutMs: 30000,
    });
  });

  it("rejects what it cannot do, with the reason", () => {
    expect(() => parseBriefCliArgs(["--out", "b.png"])).toThrow(/--query is required/);
    expect(() => parseBriefCliArgs(["--query", "", "--out", "b.jpg"])).toThrow(/\.png or \.pdf/);
    expect(() => parseBriefCliArgs(["--query", "", "--out", "b.png", "--scale", "3"])).toThrow(UsageError);
    expect(() => parseBriefCliArgs(["--query", "", "--out", "b.png", "--base-url", "localhost:3000"])).toThrow(/http\(s\) URL/);
    expect(() => parseBriefCliArgs(["--query", "", "--out", "b.png", "--colour"])).toThrow(UsageError);
  });

  it("accepts an empty query for the default slide", () => {
    expect(parseBriefCliArgs(["--query", "", "--out", "b.png"]).queries).toEqual([""]);
  });
});

describe("normaliseQuery", () => {
  it("takes the query out of a pasted URL", () => {
    expect(normaliseQuery("http://localhost:3000/brief?donor=DEU&title=X")).toBe("donor=DEU&title=X");
    expect(normaliseQuery("/brief?donor=DEU")).toBe("donor=DEU");
    expect(normaliseQuery("?donor=DEU")).toBe("donor=DEU");
    expect(normaliseQuery("donor=DEU")).toBe("donor=DEU");
  });
});

describe("outputPath", () => {
  it("numbers PNGs when there are several slides, never PDFs", () => {
    expect(outputPath("out/brief.png", 0, 1, "png")).toBe("out/brief.png");
    expect(outputPath("out/brief.png", 1, 2, "png")).toBe("out/brief-2.png");
    expect(outputPath("out/brief.pdf", 1, 2, "pdf")).toBe("out/brief.pdf");
  });
});
