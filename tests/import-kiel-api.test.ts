import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-db";
import { hashToken } from "@/lib/auth";
import { GET, POST } from "@/app/api/imports/route";

const RELEASE = path.resolve(process.cwd(), "../shared/data/kiel-ust-r29");
for (const f of ["data_explorer.csv", "weapons.csv", "release_info.csv"]) {
  if (!fs.existsSync(path.join(RELEASE, f))) throw new Error(`Kiel reference release missing: ${path.join(RELEASE, f)}`);
}
const read = (f: string) => fs.readFileSync(path.join(RELEASE, f), "utf8");
const TOKEN = "aem_test_import_token";

function form(parts: { dataExplorer?: string; weapons?: string; releaseInfo?: string; fields?: Record<string, string> }): FormData {
  const fd = new FormData();
  if (parts.dataExplorer !== undefined) fd.append("dataExplorer", new File([parts.dataExplorer], "data_explorer.csv", { type: "text/csv" }));
  if (parts.weapons !== undefined) fd.append("weapons", new File([parts.weapons], "weapons.csv", { type: "text/csv" }));
  if (parts.releaseInfo !== undefined) fd.append("releaseInfo", new File([parts.releaseInfo], "release_info.csv", { type: "text/csv" }));
  for (const [k, v] of Object.entries(parts.fields ?? {})) fd.append(k, v);
  return fd;
}

function post(body: FormData, token: string | null = TOKEN): Promise<Response> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return POST(new Request("http://localhost/api/imports", { method: "POST", headers, body }), {});
}

const full = () => form({ dataExplorer: read("data_explorer.csv"), weapons: read("weapons.csv"), releaseInfo: read("release_info.csv") });

describe("POST/GET /api/imports", () => {
  let t: TestDatabase;
  const counts = async () => ({
    records: await t.db.aidRecord.count({ where: { datasetId: "kiel-ust" } }),
    runs: await t.db.importRun.count(),
    datasets: await t.db.dataset.count(),
  });

  beforeAll(async () => {
    delete process.env.API_TOKEN_SHA256;
    t = await createTestDatabase({ seed: true });
    await t.db.apiToken.create({ data: { id: "tok-import-test", label: "import test", tokenHash: hashToken(TOKEN) } });
  });
  afterAll(async () => t?.cleanup());

  it("answers 401 without a token or with a wrong one, writing nothing", async () => {
    const before = await counts();
    const none = await post(full(), null);
    expect(none.status).toBe(401);
    const wrong = await post(full(), "aem_wrong");
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error).toMatch(/token/i);
    expect(await counts()).toEqual(before);
  });

  it("answers 400 with line and column of each problem in a bad file, writing nothing", async () => {
    const before = await counts();
    const lines = read("data_explorer.csv").split("\n");
    lines[4] = lines[4].replace(/^("[^"]*","[^"]*",\d+),\d+,/, "$1,13,");
    lines[6] = lines[6].replace(/^("[^"]*","[^"]*",\d+,\d+),[0-9.e-]+,/, "$1,abc,");
    const res = await post(form({ dataExplorer: lines.join("\n") }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatch(/line 5/);
    expect(body.issues).toEqual([
      expect.objectContaining({ path: [5, "month"], message: expect.stringContaining("data_explorer.csv line 5") }),
      expect.objectContaining({ path: [7, "total"] }),
    ]);
    expect(await counts()).toEqual(before);
  });

  it("answers 400 without a dataExplorer file or with a bad field", async () => {
    const missing = await post(form({ weapons: read("weapons.csv") }));
    expect(missing.status).toBe(400);
    expect((await missing.json()).issues).toEqual([expect.objectContaining({ path: ["dataExplorer"] })]);
    const badDate = await post(form({ dataExplorer: read("data_explorer.csv"), fields: { published: "04/08/2026" } }));
    expect(badDate.status).toBe(400);
    expect((await badDate.json()).issues[0].path).toEqual(["published"]);
    const badFlag = await post(form({ dataExplorer: read("data_explorer.csv"), fields: { dryRun: "yes" } }));
    expect(badFlag.status).toBe(400);
    const notMultipart = await POST(
      new Request("http://localhost/api/imports", {
        method: "POST",
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
        body: "{}",
      }),
      {},
    );
    expect(notMultipart.status).toBe(400);
  });

  it("previews a dry run without writing", async () => {
    const before = await counts();
    const fd = full();
    fd.append("dryRun", "true");
    const res = await post(fd);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      outcome: "dry-run",
      dryRun: true,
      importRunId: null,
      release: { label: "Ukraine Support Tracker, Release 29 (04/2026)", sourceId: "src-kiel-ust-r29" },
      summary: { rowsRead: 1079, donors: 42, months: 52 },
      change: { previous: null },
    });
    expect(body.summary.totals.allocation.total).toBeCloseTo(358.399501, 6);
    expect(await counts()).toEqual(before);
  });

  it("imports the release, then reports it unchanged, and lists the runs newest first with their source", async () => {
    const fd = full();
    fd.append("dryRun", "false");
    const res = await post(fd);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.outcome).toBe("imported");
    expect((await counts()).records).toBe(body.summary.recordCount);

    const again = await (await post(full())).json();
    expect(again.outcome).toBe("unchanged");

    const list = await GET(new Request("http://localhost/api/imports?pageSize=10"), {});
    expect(list.status).toBe(200);
    const page = await list.json();
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 10 });
    expect(page.items.map((i: { outcome: string }) => i.outcome)).toEqual(["unchanged", "imported"]);
    expect(page.items[1]).toMatchObject({
      id: body.importRunId,
      datasetId: "kiel-ust",
      release: "Ukraine Support Tracker, Release 29 (04/2026)",
      rowsRead: 1079,
      source: {
        id: "src-kiel-ust-r29",
        publisher: "Kiel Institute for the World Economy",
        publishedAt: "2026-08-04",
        releaseLabel: "Ukraine Support Tracker, Release 29 (04/2026)",
      },
    });
    expect(page.items[1].summary.summary.recordCount).toBe(body.summary.recordCount);
    const bad = await GET(new Request("http://localhost/api/imports?pageSize=0"), {});
    expect(bad.status).toBe(400);
  });
});
