import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";
import { createWriteToken } from "./helpers/tokens";
import * as aidImport from "@/app/api/imports/aid/route";
import * as imports from "@/app/api/imports/route";

let t: TestDatabase;
let token: string;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
  token = await createWriteToken(t.db);
});
afterAll(() => t.cleanup());

const CSV = [
  "date,donor_code,category,measure,amount,currency,source_urls,source_publishers,external_key",
  "2024-01-10,NLD,military,allocation,5000000,EUR,https://api.example/1,Ministry,a1",
  "2024-02-10,NLD,financial,commitment,7000000,USD,https://api.example/1 | https://api.example/2,Ministry | Parliament,a2",
].join("\n");

async function post(body: BodyInit, o: { query?: string; type?: string; auth?: boolean } = {}) {
  const headers: Record<string, string> = {};
  if (o.auth !== false) headers.authorization = `Bearer ${token}`;
  if (o.type) headers["content-type"] = o.type;
  const req = new Request(`http://localhost/api/imports/aid${o.query ?? ""}`, { method: "POST", headers, body });
  const res = await aidImport.POST(req, { params: Promise.resolve({}) });
  return { status: res.status, body: await res.json() };
}

function form(fields: Record<string, string>, csv: string | null = CSV): FormData {
  const fd = new FormData();
  if (csv !== null) fd.append("file", new File([csv], "nld.csv", { type: "text/csv" }));
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

describe("POST /api/imports/aid", () => {
  it("needs a write token", async () => {
    const r = await post(CSV, { query: "?dataset=api-raw", type: "text/csv", auth: false });
    expect(r.status).toBe(401);
  });

  it("previews a multipart upload without writing, then imports it", async () => {
    const dry = await post(form({ dataset: "api-form", name: "From the form", dryRun: "true" }));
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ outcome: "dry-run", file: "nld.csv", change: { added: 2 }, recordCount: 2 });
    expect(await t.db.dataset.findUnique({ where: { id: "api-form" } })).toBeNull();

    const done = await post(form({ dataset: "api-form", name: "From the form" }));
    expect(done.body).toMatchObject({ outcome: "imported", datasetName: "From the form", change: { added: 2 } });
    expect(await t.db.aidRecord.count({ where: { datasetId: "api-form" } })).toBe(2);
    const runs = await imports.GET(new Request("http://localhost/api/imports"), { params: Promise.resolve({}) } as never);
    expect((await runs.json()).items[0]).toMatchObject({ datasetId: "api-form", outcome: "imported", rowsRead: 2 });
  });

  it("streams a raw text/csv body, options in the query", async () => {
    const r = await post(CSV, { query: "?dataset=api-raw&replace=true", type: "text/csv; charset=utf-8" });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ outcome: "imported", change: { mode: "replace", added: 2 } });
    const again = await post(CSV, { query: "?dataset=api-raw", type: "text/csv" });
    expect(again.body.outcome).toBe("unchanged");
  });

  it("answers 400 with the bad rows by line and column; nothing written", async () => {
    const bad = `${CSV}\n2024-13-01,NLD,military,allocation,1,EUR,https://api.example/1,Ministry,a3\n2024-03-01,QQQ,military,allocation,1,EUR,https://api.example/1,Ministry,a4`;
    const r = await post(form({ dataset: "api-bad" }, bad));
    expect(r.status).toBe(400);
    expect(r.body.issues).toEqual([expect.objectContaining({ path: [4, "date"] })]);
    expect(r.body.error).toContain('line 4, column "date"');
    const donors = await post(form({ dataset: "api-bad" }, `${CSV}\n2024-03-01,QQQ,military,allocation,1,EUR,https://api.example/1,Ministry,a4`));
    expect(donors.status).toBe(400);
    expect(donors.body.error).toContain("Unknown donor codes: QQQ");
    expect(await t.db.dataset.findUnique({ where: { id: "api-bad" } })).toBeNull();
  });

  it("rejects bad options, a missing file and other content types", async () => {
    expect((await post(form({ dataset: "Bad Id" }))).body.issues[0].path).toEqual(["dataset"]);
    expect((await post(form({ dataset: "ok", dryRun: "yes" }))).status).toBe(400);
    expect((await post(form({ dataset: "ok" }, null))).body.issues[0].path).toEqual(["file"]);
    expect((await post(JSON.stringify({}), { type: "application/json" })).status).toBe(400);
  });
});
