import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ZIsoDate, ZSourceInput } from "@/lib/domain/common-schemas";
import { ZAidRecordInput } from "@/lib/aid/schemas";
import { ZEventInput } from "@/lib/events/schemas";
import { ZDeploymentInput } from "@/lib/deployments/schemas";
import { DATASET_KINDS } from "@/lib/domain/taxonomy";
import { DONOR_GROUPS } from "@/lib/domain/donor-groups";

/** Schemas of the reviewed data files in prisma/seed/. Seeds cite sources by id only. */
const ZIdRefs = z.array(z.string().min(1)).min(1);

export const ZSeedSource = ZSourceInput.required({ id: true });
export const ZSeedDonor = z.object({
  code: z.string().regex(/^[A-Z0-9]{2,5}$/),
  name: z.string().min(1),
  groups: z.array(z.enum(Object.keys(DONOR_GROUPS) as [keyof typeof DONOR_GROUPS])),
});
export const ZSeedDataset = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(DATASET_KINDS),
  description: z.string(),
  asOf: ZIsoDate.nullable(),
  sourceId: z.string().nullable(),
});
export const ZSeedFx = z.object({
  quote: z.string().length(3),
  year: z.number().int().min(1999).max(2100),
  month: z.number().int().min(1).max(12).nullable(),
  rate: z.number().positive(),
  sourceId: z.string().min(1),
});
export const ZSeedAid = ZAidRecordInput.omit({ datasetId: true, sources: true }).extend({
  externalKey: z.string().min(1),
  sources: ZIdRefs,
});
export const ZSeedEvent = ZEventInput.safeExtend({ id: z.string().min(3), sources: ZIdRefs });
export const ZSeedDeployment = ZDeploymentInput.safeExtend({ id: z.string().min(3), sources: ZIdRefs });

export interface SeedData {
  sources: z.infer<typeof ZSeedSource>[];
  donors: z.infer<typeof ZSeedDonor>[];
  datasets: z.infer<typeof ZSeedDataset>[];
  fx: z.infer<typeof ZSeedFx>[];
  curatedAid: z.infer<typeof ZSeedAid>[];
  events: z.infer<typeof ZSeedEvent>[];
  deployments: z.infer<typeof ZSeedDeployment>[];
}

export const SEED_DIR = path.join(process.env.MONITOR_ROOT ?? process.cwd(), "prisma", "seed");

function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): T[] {
  const full = path.join(dir, file);
  const raw = JSON.parse(fs.readFileSync(full, "utf8"));
  const parsed = z.array(schema).safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`Seed file ${file} is invalid at ${first.path.join(".")}: ${first.message}`);
  }
  return parsed.data;
}

/** Reads and validates every seed file, and checks that each cited source exists. */
export function readSeedData(dir: string = SEED_DIR): SeedData {
  const sourceFiles = fs
    .readdirSync(dir)
    .filter((f) => /^sources.*\.json$/.test(f))
    .sort();
  const byId = new Map<string, z.infer<typeof ZSeedSource>>();
  for (const file of sourceFiles) {
    for (const s of readJson(dir, file, ZSeedSource)) {
      const prev = byId.get(s.id);
      if (prev && JSON.stringify(prev) !== JSON.stringify(s)) {
        throw new Error(`Source "${s.id}" is defined twice with different content (${file})`);
      }
      byId.set(s.id, s);
    }
  }
  const data: SeedData = {
    sources: [...byId.values()],
    donors: readJson(dir, "donors.json", ZSeedDonor),
    datasets: readJson(dir, "datasets.json", ZSeedDataset),
    fx: readJson(dir, "fx.json", ZSeedFx),
    curatedAid: readJson(dir, "aid-curated.json", ZSeedAid),
    events: fs.existsSync(path.join(dir, "events.json")) ? readJson(dir, "events.json", ZSeedEvent) : [],
    deployments: fs.existsSync(path.join(dir, "deployments.json")) ? readJson(dir, "deployments.json", ZSeedDeployment) : [],
  };
  const cited = [
    ...data.curatedAid.flatMap((r) => r.sources.map((s) => [`aid ${r.externalKey}`, s])),
    ...data.events.flatMap((r) => r.sources.map((s) => [`event ${r.id}`, s])),
    ...data.deployments.flatMap((r) => r.sources.map((s) => [`deployment ${r.id}`, s])),
    ...data.fx.map((r) => [`fx ${r.year}`, r.sourceId]),
  ];
  for (const [who, id] of cited) {
    if (!byId.has(id)) throw new Error(`Seed ${who} cites unknown source "${id}"`);
  }
  const donorCodes = new Set(data.donors.map((d) => d.code));
  for (const r of data.curatedAid) {
    if (!donorCodes.has(r.donorCode)) throw new Error(`Seed aid ${r.externalKey} has unknown donor ${r.donorCode}`);
  }
  return data;
}
