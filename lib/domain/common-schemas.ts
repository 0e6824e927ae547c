import { z } from "zod";
import { formatIsoDay, isIsoDay, isoDayTime } from "@/lib/dates/iso-day";

/** The dates any input may name: wide enough for every record, narrow enough that period loops stay small. */
export const MIN_ISO_DATE = "1990-01-01";
export const MAX_ISO_DATE = "2100-12-31";

/** A calendar date as YYYY-MM-DD (UTC, no time), between MIN_ISO_DATE and MAX_ISO_DATE. */
export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine(isIsoDay, { message: "must be a real calendar date" })
  .refine((s) => s >= MIN_ISO_DATE && s <= MAX_ISO_DATE, {
    message: `must be between ${MIN_ISO_DATE} and ${MAX_ISO_DATE}`,
  })
  // The range is a refinement JSON Schema cannot express: say it in the OpenAPI document.
  .meta({ format: "date", description: `A calendar date, YYYY-MM-DD, from ${MIN_ISO_DATE} to ${MAX_ISO_DATE}` });

/** Most items a comma-separated query list may hold (after removing duplicates). */
export const MAX_LIST_ITEMS = 100;

export const ZSourceInput = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{2,80}$/, "must be a slug of lowercase letters, digits and dashes")
    .optional(),
  publisher: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1).max(500),
  url: z.url({ protocol: /^https?$/ }).max(2000),
  publishedAt: ZIsoDate.nullable().optional(),
  retrievedAt: ZIsoDate.nullable().optional(),
  releaseLabel: z.string().max(200).nullable().optional(),
});
export type TSourceInput = z.infer<typeof ZSourceInput>;

/** A record's sources: ids of existing sources, or new sources given inline. */
export const ZSourceRefs = z
  .array(z.union([z.string().min(1).max(200), ZSourceInput]))
  .min(1, "at least one source is required")
  .max(50, "at most 50 sources per record");

/** The date at UTC midnight (the caller has validated it, e.g. with ZIsoDate). */
export function dateFromIso(s: string): Date {
  return new Date(isoDayTime(s));
}

export function isoFromDate(d: Date): string {
  return formatIsoDay(d);
}
