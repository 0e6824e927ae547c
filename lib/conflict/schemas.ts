import { z } from "zod";
import { ZIsoDate } from "@/lib/domain/common-schemas";
import { commaList } from "@/lib/aid/schemas";
import { CONFLICT_FORMATS } from "./codebook";

/** Names as the datasets write them (countries, admin-1 regions, event types): printable, bounded. */
const ZName = z
  .string()
  .max(200, "at most 200 characters")
  .regex(/^[^\u0000-\u001f\u007f]+$/, "must be printable text");

const ZDatasetParam = z
  .enum(CONFLICT_FORMATS)
  .optional()
  .meta({ description: "acled or ucdp; default: the dataset imported last. Two datasets are never summed." });

export const ZConflictDailyQuery = z
  .object({
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
    dataset: ZDatasetParam,
    country: commaList(ZName).optional(),
    admin1: commaList(ZName).optional(),
    type: commaList(ZName)
      .optional()
      .meta({ description: "Event types as the dataset writes them (ACLED event_type; UCDP: State-based conflict, Non-state conflict, One-sided violence)" }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["from"], message: "`from` must not be after `to`" });
export type TConflictDailyQuery = z.infer<typeof ZConflictDailyQuery>;

export const ZConflictRegionsQuery = z
  .object({
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
    dataset: ZDatasetParam,
    country: commaList(ZName).optional(),
    type: commaList(ZName).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["from"], message: "`from` must not be after `to`" });
export type TConflictRegionsQuery = z.infer<typeof ZConflictRegionsQuery>;

export const MAX_EXPLAIN_EVENTS = 50;
export const ZConflictExplainQuery = z
  .object({
    date: ZIsoDate,
    dataset: ZDatasetParam,
    limit: z.coerce.number().int().min(1).max(MAX_EXPLAIN_EVENTS).default(10),
  })
  .strict();
export type TConflictExplainQuery = z.infer<typeof ZConflictExplainQuery>;
