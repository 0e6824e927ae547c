import { z } from "zod";

/** A calendar date as YYYY-MM-DD (UTC, no time). */
export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine(isRealDate, { message: "must be a real calendar date" });

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const ZSourceInput = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{2,80}$/, "must be a slug of lowercase letters, digits and dashes")
    .optional(),
  publisher: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1).max(500),
  url: z.url({ protocol: /^https?$/ }),
  publishedAt: ZIsoDate.nullable().optional(),
  retrievedAt: ZIsoDate.nullable().optional(),
  releaseLabel: z.string().max(200).nullable().optional(),
});
export type TSourceInput = z.infer<typeof ZSourceInput>;

/** A record's sources: ids of existing sources, or new sources given inline. */
export const ZSourceRefs = z
  .array(z.union([z.string().min(1), ZSourceInput]))
  .min(1, "at least one source is required");

export function dateFromIso(s: string): Date {
  return new Date(`${s}T00:00:00.000Z`);
}

export function isoFromDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
