/**
 * The release the app ships (data/kiel/r29) must be the published files,
 * byte-identical to the reference copy beside the checkout, and it must be what
 * startup imports into a fresh database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultKielReleaseFolder, newestReleaseFolderName } from "@/lib/import/kiel/read-release-folder";

const SHIPPED = path.resolve(process.cwd(), "data/kiel/r29");
const REFERENCE = path.resolve(process.cwd(), "../shared/data/kiel-ust-r29");
// Missing reference data is a failure, never a skip.
if (!fs.existsSync(REFERENCE)) throw new Error(`The Kiel reference release is missing at ${REFERENCE}: it must sit beside the checkout`);

const csvFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".csv"))
    .sort();

describe("the shipped Kiel release", () => {
  it("holds every CSV of the reference release, byte-identical, and no other", () => {
    const reference = csvFiles(REFERENCE);
    expect(reference.length).toBeGreaterThanOrEqual(6);
    expect(csvFiles(SHIPPED)).toEqual(reference);
    for (const f of reference) {
      const a = fs.readFileSync(path.join(SHIPPED, f));
      const b = fs.readFileSync(path.join(REFERENCE, f));
      expect(a.equals(b), `${f} differs from ${path.join(REFERENCE, f)}`).toBe(true);
    }
  });

  it("cites the Kiel Institute and the release", () => {
    const readme = fs.readFileSync(path.join(SHIPPED, "README.md"), "utf8");
    expect(readme).toContain("Kiel Institute for the World Economy");
    expect(readme).toContain("Trebesch et al.");
    expect(readme).toContain("Release 29");
    expect(readme).toContain("2026-08-04");
    for (const f of csvFiles(SHIPPED)) expect(readme).toContain(f);
  });

  it("is the default release startup imports", () => {
    expect(defaultKielReleaseFolder(process.cwd())).toBe(SHIPPED);
  });
});

describe("defaultKielReleaseFolder", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-kiel-default-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("picks the highest release number, not the last name alphabetically", () => {
    expect(newestReleaseFolderName(["r9", "r29", "r100", "notes", "r3x"])).toBe("r100");
    expect(newestReleaseFolderName(["README.md"])).toBeNull();
  });

  it("ignores folders without data_explorer.csv, and is null when there is no release", () => {
    expect(defaultKielReleaseFolder(dir)).toBeNull();
    fs.mkdirSync(path.join(dir, "data/kiel/r29"), { recursive: true });
    fs.mkdirSync(path.join(dir, "data/kiel/r30"), { recursive: true });
    fs.writeFileSync(path.join(dir, "data/kiel/r29/data_explorer.csv"), "x");
    expect(defaultKielReleaseFolder(dir)).toBe(path.join(dir, "data/kiel/r29"));
    fs.writeFileSync(path.join(dir, "data/kiel/r30/data_explorer.csv"), "x");
    expect(defaultKielReleaseFolder(dir)).toBe(path.join(dir, "data/kiel/r30"));
  });
});
