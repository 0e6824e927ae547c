import { z } from "zod";
import { CONFLICT_FORMATS } from "@/lib/conflict/codebook";

/** Response schemas of the conflict-event routes (see ./response-schemas.ts for why they are zod). */
const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ format: "date" });
const ZFormat = z.enum(CONFLICT_FORMATS);
const count = z.number().int();

export const ZConflictSums = z.strictObject({
  events: count,
  fatalities: count.meta({ description: "Reported estimates (ACLED fatalities; UCDP best), not verified counts" }),
  preciseEvents: count.meta({ description: "Events coded to one known day; the rest have imprecise dates" }),
  strikeEvents: count,
  strikeFatalities: count,
  battleEvents: count,
  battleFatalities: count,
  crossBorderEvents: count.meta({ description: "Located in Russia with a Ukrainian actor" }),
  crossBorderFatalities: count,
});

const ZProvenance = {
  dataset: z
    .strictObject({
      id: ZFormat,
      name: z.string(),
      citation: z.string(),
      licence: z.string(),
      url: z.string(),
      fileName: z.string(),
      importedAt: z.string(),
      eventCount: count,
      firstDay: ZDay.nullable(),
      lastDay: ZDay.nullable(),
    })
    .nullable()
    .meta({ description: "The dataset the figures come from; null when none is imported (the app ships none)" }),
  available: z.array(z.strictObject({ id: ZFormat, name: z.string() })),
  caveat: z.string(),
};

export const ZConflictDaily = z.strictObject({
  ...ZProvenance,
  params: z.strictObject({ from: ZDay.nullable(), to: ZDay.nullable(), country: z.array(z.string()), admin1: z.array(z.string()), type: z.array(z.string()) }),
  days: z
    .strictObject({ date: z.array(ZDay), ...Object.fromEntries(Object.keys(ZConflictSums.shape).map((k) => [k, z.array(count)])) } as {
      date: z.ZodArray<typeof ZDay>;
    } & {
      [K in keyof typeof ZConflictSums.shape]: z.ZodArray<typeof count>;
    })
    .meta({ description: "Days with events in the selection, as columns: the i-th entry of every array belongs to date[i]" }),
  totals: ZConflictSums.extend({ impreciseEvents: count }),
});

export const ZConflictRegions = z.strictObject({
  ...ZProvenance,
  params: z.strictObject({ from: ZDay.nullable(), to: ZDay.nullable(), country: z.array(z.string()), type: z.array(z.string()) }),
  regions: z.array(ZConflictSums.extend({ country: z.string(), admin1: z.string() })),
});

export const ZConflictExplain = z.strictObject({
  ...ZProvenance,
  date: ZDay,
  day: ZConflictSums,
  events: z.array(
    z.strictObject({
      id: z.string(),
      date: ZDay,
      dateEnd: ZDay,
      precise: z.boolean(),
      datePrecision: count,
      country: z.string(),
      admin1: z.string(),
      location: z.string().nullable(),
      eventType: z.string(),
      subEventType: z.string(),
      actor1: z.string(),
      actor2: z.string().nullable(),
      fatalities: count,
      notes: z.string().nullable(),
      source: z.string().nullable(),
    }),
  ),
});

export const ZConflictImportResult = z.strictObject({
  outcome: z.enum(["imported", "unchanged", "dry-run"]),
  dryRun: z.boolean(),
  format: ZFormat,
  datasetId: z.string(),
  citation: z.string(),
  licence: z.string(),
  file: z.string(),
  fileHash: z.string(),
  rowsRead: count,
  coverage: z.strictObject({ from: ZDay, to: ZDay, countries: z.array(z.string()) }),
  change: z.strictObject({ added: count, revised: count, removed: count }),
  totals: z.strictObject({ events: count, fatalities: count, impreciseDates: count, multiDay: count }),
  eventCount: count,
  durationMs: count,
});
