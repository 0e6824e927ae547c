import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { stringify } from "csv-stringify/sync";
import { joinSourceField } from "@/lib/import/aid/format";
import { mulberry32 } from "@/lib/random/mulberry32";

/** Donor codes of prisma/seed/donors.json, without combined figures (AGGREGATE group). */
export function singleDonorCodes(root: string): string[] {
  const donors = JSON.parse(fs.readFileSync(path.join(root, "prisma", "seed", "donors.json"), "utf8")) as { code: string; groups: string[] }[];
  return donors.filter((d) => !d.groups.includes("AGGREGATE")).map((d) => d.code);
}

const CATEGORIES = ["military", "financial", "humanitarian"] as const;
const MONTHS: string[] = [];
for (let y = 2022; y <= 2026; y++) for (let m = 1; m <= 12; m++) MONTHS.push(`${y}-${String(m).padStart(2, "0")}-01`);
const SOURCE_POOL = 40;

export const SYNTHETIC_COLUMNS = [
  "date",
  "granularity",
  "donor_code",
  "category",
  "measure",
  "amount",
  "currency",
  "source_publishers",
  "source_titles",
  "source_urls",
  "notes",
  "external_key",
];

/**
 * Writes a deterministic synthetic aid CSV of `rows` rows (the import:aid
 * format), streamed to `file`: monthly figures 2022-01..2026-12, the three
 * categories, allocations (80 %) and commitments, EUR (85 %) and USD, amounts
 * log-uniform between 100 thousand and 2 billion, one or two sources from a
 * pool of 40. Returns the file's size in bytes.
 */
export async function writeSyntheticAidCsv(o: { file: string; rows: number; seed: number; donors: string[] }): Promise<number> {
  const rnd = mulberry32(o.seed);
  const out = fs.createWriteStream(o.file);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  out.write(SYNTHETIC_COLUMNS.join(",") + "\n");
  let buf: string[] = [];
  for (let i = 0; i < o.rows; i++) {
    const nSources = rnd() < 0.2 ? 2 : 1;
    const ids = new Set<number>();
    while (ids.size < nSources) ids.add(Math.floor(rnd() * SOURCE_POOL));
    const src = [...ids];
    const amount = Math.round(Math.exp(Math.log(1e5) + rnd() * (Math.log(2e9) - Math.log(1e5))) / 1000) * 1000;
    buf.push(
      stringify([
        [
          pick(MONTHS),
          "month",
          pick(o.donors),
          pick(CATEGORIES),
          rnd() < 0.8 ? "allocation" : "commitment",
          amount,
          rnd() < 0.85 ? "EUR" : "USD",
          joinSourceField(src.map((s) => `Synthetic publisher ${s}`)),
          joinSourceField(src.map((s) => `Synthetic aid report no. ${s}`)),
          joinSourceField(src.map((s) => `https://example.org/aid-reports/${s}`)),
          "",
          `syn-${i}`,
        ],
      ]),
    );
    if (buf.length === 2000) {
      if (!out.write(buf.join(""))) await once(out, "drain");
      buf = [];
    }
  }
  out.end(buf.join(""));
  await once(out, "finish");
  return fs.statSync(o.file).size;
}
