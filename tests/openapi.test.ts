import { describe, expect, it } from "vitest";
import * as openapi from "@/app/api/openapi.json/route";
import { call } from "./helpers/call-route";

describe("GET /api/openapi.json", () => {
  it("describes every endpoint with the parameters the handlers validate", async () => {
    const r = await call(openapi.GET as never, "/api/openapi.json");
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    const paths = Object.keys(r.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining(["/api/meta", "/api/aid/summary", "/api/aid/timeseries", "/api/aid/records", "/api/events", "/api/deployments", "/api/escalation", "/api/escalation/explain"]),
    );
    const params = r.body.paths["/api/aid/summary"].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(["donor", "category", "measure", "from", "to", "currency", "dataset"]));
    const measure = r.body.paths["/api/aid/summary"].get.parameters.find((p: { name: string }) => p.name === "measure");
    expect(measure.schema.enum).toEqual(["allocation", "commitment"]);
    const eventBody = r.body.paths["/api/events"].post.requestBody.content["application/json"].schema;
    expect(eventBody.required).toEqual(expect.arrayContaining(["date", "title", "type", "severity", "confidence", "sources"]));
    expect(r.body.paths["/api/events"].post.responses["401"]).toBeDefined();
  });
});
