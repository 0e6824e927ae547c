/**
 * Guards on replacing the tracker release, and truncated files, through the
 * importer and the upload API: a refused import changes nothing at all.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-db";
import { hashToken } from "@/lib/auth";
import { POST } from "@/app/api/imports/route";
import { importKielRelease, KielGuardError, KielValidationError } from "@/lib/import/kiel/import-kiel-release";
import type { KielReleaseFiles } from "@/lib/import/kiel/read-release-folder";

const RELEASE = path.resolve(process.cwd(), "../shared/data/kiel-ust-r29");
for (const f of ["data_explorer.csv", "weapons.csv", "release_info.csv"]) {
  if (!fs.existsSync(path.join(RELEASE, f))) throw new Error(`Kiel reference release missing: ${path.join(RELEASE, f)}`);
}
const read = (f: string) => fs.readFileSync(path.join(RELEASE, f), "utf8");
const DATA_EXPLORER = read("data_explorer.csv");
const LINES = DATA_EXPLORER.replace(/\n$/, "").split("\n");
/** Header and the first 40 data rows: what a download cut off early looks like. */
const CUT_40 = `${LINES.slice(0, 41).join("\n")}\n`;
const OLDER_INFO = `"release","period","date","label"\n"28","01/2026","2026-04-15","Ukraine Support Tracker, Release 28 (01/2026)"\n`;
const TOKEN = "aem_test_guard_token";

const files = (dataExplorer: string, releaseInfo = read("release_info.csv")): KielReleaseFiles => ({
  dataExplorer: { name: "data_explorer.csv", text: dataExplorer },
  weapons: { name: "weapons.csv", text: read("weapons.csv") },
  releaseInfo: { name: "release_info.csv", text: releaseInfo },
});

/** Every table an import writes, all columns. */
async function snapshot(db: Db) {
  return {
    aidRecord: await db.aidRecord.findMany({ orderBy: { id: "asc" } }),
    aidRecordSource: await db.aidRecordSource.findMany({ orderBy: [{ aidRecordId: "asc" }, { sourceId: "asc" }] }),
    dataset: await db.dataset.findMany({ orderBy: { id: "asc" } }),
    source: await db.source.findMany({ orderBy: { id: "asc" } }),
    donor: await db.donor.findMany({ orderBy: { code: "asc" } }),
    donorGdp: await db.donorGdp.findMany({ orderBy: [{ datasetId: "asc" }, { donorCode: "asc" }] }),
    weapons: await db.weaponsDelivery.findMany({ orderBy: { id: "asc" } }),
    importRun: await db.importRun.findMany({ orderBy: { id: "asc" } }),
  };
}

describe("replacing a release: the guards", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    expect((await importKielRelease(t.db, files(DATA_EXPLORER))).outcome).toBe("imported");
  });
  afterAll(async () => t?.cleanup());

  it("refuses a 40-row cut of data_explorer.csv with the numbers, and changes nothing", async () => {
    const before = await snapshot(t.db);
    const err = await importKielRelease(t.db, files(CUT_40)).catch((e) => e);
    expect(err).toBeInstanceOf(KielGuardError);
    expect(err.status).toBe(409);
    expect(err.message).toMatch(/^Refused; nothing was written\. This import would remove 2,\d{3} of 2,265 records \(9\d%\)/);
    expect(err.message).toMatch(/--allow-shrink\.$/);
    expect(err.issues).toEqual([{ path: ["allowShrink"], message: expect.stringMatching(/^This import would remove/) }]);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("previews the refusal on a dry run instead of throwing", async () => {
    const r = await importKielRelease(t.db, files(CUT_40), { dryRun: true });
    expect(r.guard.refused).toBe(true);
    expect(r.guard.findings.map((f) => f.rule)).toEqual(["shrink"]);
  });

  it("accepts the cut with allowShrink, leaving exactly its records", async () => {
    const r = await importKielRelease(t.db, files(CUT_40), { allowShrink: true });
    expect(r.outcome).toBe("imported");
    expect(r.guard).toMatchObject({ refused: false, findings: [{ rule: "shrink", overridden: true }] });
    expect(r.warnings.some((w) => w.startsWith("accepted (--allow-shrink): this import would remove"))).toBe(true);
    expect(await t.db.aidRecord.count({ where: { datasetId: "kiel-ust" } })).toBe(r.summary.recordCount);
    expect(r.summary.recordCount).toBeLessThan(150);
  });

  it("refuses an older release (earlier period and publication), and allowOlder lets it through", async () => {
    // Re-import R29 so the dataset holds the full release again.
    await importKielRelease(t.db, files(DATA_EXPLORER), { allowShrink: true });
    const before = await snapshot(t.db);
    const err = await importKielRelease(t.db, files(DATA_EXPLORER, OLDER_INFO)).catch((e) => e);
    expect(err).toBeInstanceOf(KielGuardError);
    expect(err.message).toContain("has data only to Jan 2026, earlier than the current release's Apr 2026");
    expect(err.message).toContain("was published on 2026-04-15, before the current release");
    expect(err.message).toMatch(/--allow-older\.$/);
    expect(await snapshot(t.db)).toEqual(before);
    const shrinkOnly = await importKielRelease(t.db, files(DATA_EXPLORER, OLDER_INFO), { allowShrink: true }).catch((e) => e);
    expect(shrinkOnly).toBeInstanceOf(KielGuardError);
    const ok = await importKielRelease(t.db, files(DATA_EXPLORER, OLDER_INFO), { allowOlder: true });
    expect(ok.outcome).toBe("imported");
    expect(ok.release.sourceId).toBe("src-kiel-ust-r28");
  });
});

describe("truncated files are errors naming the line, and change nothing", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    await importKielRelease(t.db, files(DATA_EXPLORER));
  });
  afterAll(async () => t?.cleanup());

  const cases: [string, string, number, RegExp][] = [
    ["a row cut in the middle", `${LINES.slice(0, 20).join("\n")}\n${LINES[20].slice(0, 30)}\n${LINES.slice(21).join("\n")}\n`, 21, /found \d+ .*cut short/],
    ["the last row cut off", DATA_EXPLORER.slice(0, DATA_EXPLORER.length - 40), 1080, /found \d+ .*truncated/],
    [
      "a missing final field",
      `${LINES.slice(0, 50).join("\n")}\n${LINES[50].replace(/,[^,]*$/, "")}\n${LINES.slice(51).join("\n")}\n`,
      51,
      /expected 12 fields as in the header, found 11/,
    ],
    ["an unterminated quote", `${LINES.slice(0, 60).join("\n")}\n"Belgi`, 61, /quoted field .* never closed: the file looks cut off/],
  ];
  for (const [name, text, line, message] of cases) {
    it(`rejects ${name} at line ${line}`, async () => {
      const before = await snapshot(t.db);
      const err = await importKielRelease(t.db, files(text), { allowShrink: true }).catch((e) => e);
      expect(err).toBeInstanceOf(KielValidationError);
      expect(err.kielIssues[0]).toMatchObject({ file: "data_explorer.csv", line });
      expect(err.kielIssues[0].message).toMatch(message);
      expect(err.message).not.toMatch(/CSV_|Invalid Closing Quote|at line \d+ instead of/);
      expect(await snapshot(t.db)).toEqual(before);
    });
  }

  it("warns when a file does not end with a line break", async () => {
    const r = await importKielRelease(t.db, files(DATA_EXPLORER.trimEnd()), { dryRun: true });
    expect(r.warnings).toContain("data_explorer.csv does not end with a line break: check that its last row (line 1080) is complete");
  });
});

describe("POST /api/imports: the guard fields", () => {
  let t: TestDatabase;
  const post = (fields: Record<string, string>, dataExplorer = CUT_40) => {
    const fd = new FormData();
    fd.append("dataExplorer", new File([dataExplorer], "data_explorer.csv", { type: "text/csv" }));
    fd.append("weapons", new File([read("weapons.csv")], "weapons.csv", { type: "text/csv" }));
    fd.append("releaseInfo", new File([read("release_info.csv")], "release_info.csv", { type: "text/csv" }));
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    return POST(new Request("http://localhost/api/imports", { method: "POST", headers: { authorization: `Bearer ${TOKEN}` }, body: fd }), {});
  };
  beforeAll(async () => {
    delete process.env.API_TOKEN_SHA256;
    t = await createTestDatabase({ seed: true });
    await t.db.apiToken.create({ data: { id: "tok-guard-test", label: "guard test", tokenHash: hashToken(TOKEN) } });
    await importKielRelease(t.db, files(DATA_EXPLORER));
  });
  afterAll(async () => t?.cleanup());

  it("answers 409 with the explanation and the field to set, writing nothing", async () => {
    const before = await snapshot(t.db);
    const res = await post({});
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error).toMatch(/would remove 2,\d{3} of 2,265 records/);
    expect(body.issues).toEqual([{ path: ["allowShrink"], message: expect.stringMatching(/^This import would remove/) }]);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("shows the refusal in a dry-run preview, and rejects a bad flag value", async () => {
    const preview = await post({ dryRun: "true" });
    expect(preview.status).toBe(200);
    expect((await preview.json()).guard).toMatchObject({ refused: true, findings: [{ rule: "shrink", overridden: false }] });
    const bad = await post({ allowShrink: "yes" });
    expect(bad.status).toBe(400);
  });

  it("imports with allowShrink=true", async () => {
    const res = await post({ allowShrink: "true" });
    expect(res.status).toBe(200);
    expect((await res.json()).outcome).toBe("imported");
  });
});
