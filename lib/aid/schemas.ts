import { z } from "zod";
import { CATEGORIES, CURRENCIES, GRANULARITIES, MEASURES, SUBCATEGORIES } from "@/lib/domain/taxonomy";
import { MAX_LIST_ITEMS, ZIsoDate, ZSourceRefs } from "@/lib/domain/common-schemas";

/**
 * Comma-separated list in a query string → array (empty entries dropped,
 * duplicates removed after each item's own transform, at most MAX_LIST_ITEMS):
 * every item becomes a bound query parameter, and databases cap those.
 */
export function commaList<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .string()
    .max(MAX_LIST_ITEMS * 50, `a list must be at most ${MAX_LIST_ITEMS * 50} characters`)
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter((x) => x !== ""),
    )
    .pipe(z.array(item))
    .transform((list) => [...new Set(list)] as z.output<T>[])
    .refine((list) => list.length <= MAX_LIST_ITEMS, `a list may name at most ${MAX_LIST_ITEMS} distinct items`);
}

/** Largest amount a record may carry, in its currency: far above any real package, far below float trouble. */
export const MAX_AMOUNT = 1e13;

const ZCategory = z.enum(CATEGORIES);

/** Filters shared by every aid endpoint. Donor codes are checked against the database later. */
export const ZAidFilters = z
  .object({
    dataset: z.string().trim().min(1).max(100).optional(),
    donor: commaList(
      z
        .string()
        .regex(/^[A-Za-z0-9]{2,5}$/, "donor codes are 2–5 letters or digits")
        .transform((s) => s.toUpperCase()),
    ).optional(),
    category: commaList(ZCategory).optional(),
    subcategory: commaList(z.enum(SUBCATEGORIES)).optional(),
    measure: z.enum(MEASURES).default("allocation"),
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
    currency: z.enum(CURRENCIES).default("EUR"),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    path: ["from"],
    message: "`from` must not be after `to`",
  });
export type TAidFilters = z.infer<typeof ZAidFilters>;

export const ZPagination = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(100),
});

export const ZTimeseriesQuery = z.intersection(
  ZAidFilters,
  z.object({
    granularity: z.enum(["month", "quarter", "year"]).default("month"),
    /** `donor` adds each point's amount per donor (one measure and currency, like the totals) and the donors' totals. */
    by: z.enum(["category", "donor"]).default("category"),
  }),
);
export type TTimeseriesQuery = z.infer<typeof ZTimeseriesQuery>;

/** Record orderings; a leading "-" sorts descending. `amount` is the original amount (currencies as stored). */
export const AID_SORTS = ["date", "-date", "donor", "-donor", "category", "-category", "amount", "-amount"] as const;
export type AidSort = (typeof AID_SORTS)[number];

export const ZRecordsQuery = z.intersection(
  ZAidFilters,
  ZPagination.extend({
    format: z.enum(["json", "csv"]).default("json"),
    sort: z.enum(AID_SORTS).default("date"),
  }),
);
export type TRecordsQuery = z.infer<typeof ZRecordsQuery>;

/** The fields of a record, without defaults (a patch must not invent values it was not sent). */
const ZAidRecordFields = z.object({
  donorCode: z
    .string()
    .regex(/^[A-Za-z0-9]{2,5}$/)
    .transform((s) => s.toUpperCase()),
  date: ZIsoDate,
  granularity: z.enum(GRANULARITIES),
  category: ZCategory,
  subcategory: z.enum(SUBCATEGORIES).nullable().optional(),
  measure: z.enum(MEASURES),
  amount: z.number().finite().positive().max(MAX_AMOUNT, `amount must be at most ${MAX_AMOUNT}`),
  currency: z.enum(CURRENCIES),
  notes: z.string().max(2000).nullable().optional(),
  sources: ZSourceRefs,
});

export const ZAidRecordInput = ZAidRecordFields.extend({
  datasetId: z.string().min(1).max(100).default("analyst"),
  externalKey: z.string().min(1).max(200).optional(),
  granularity: z.enum(GRANULARITIES).default("day"),
});
export type TAidRecordInput = z.infer<typeof ZAidRecordInput>;

export const ZAidRecordPatch = ZAidRecordFields.partial().refine((p) => Object.keys(p).length > 0, { message: "the body must change at least one field" });
export type TAidRecordPatch = z.infer<typeof ZAidRecordPatch>;
