import { z } from "zod";
import { CHANNELS } from "../domain/taxonomy";
import { ZIsoDate } from "../domain/common-schemas";
import { commaList } from "../aid/schemas";
import { DEFAULT_HALF_LIFE_DAYS, MAX_HALF_LIFE_DAYS, MIN_HALF_LIFE_DAYS } from "./constants";

/** The war's full-scale phase: where the index starts unless asked otherwise. */
export const INDEX_START = "2022-02-24";

const ZHalfLife = z.coerce
  .number()
  .min(MIN_HALF_LIFE_DAYS, `halfLife must be at least ${MIN_HALF_LIFE_DAYS} day`)
  .max(MAX_HALF_LIFE_DAYS, `halfLife must be at most ${MAX_HALF_LIFE_DAYS} days`)
  .default(DEFAULT_HALF_LIFE_DAYS);

export const ZEscalationQuery = z
  .object({
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
    halfLife: ZHalfLife,
    // An empty list would select nothing; say so here rather than let the engine's RangeError hide the parameter's name.
    subindex: commaList(z.enum(CHANNELS))
      .refine((list) => list.length > 0, "name at least one channel, or omit subindex for all")
      .optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["from"], message: "`from` must not be after `to`" });
export type TEscalationQuery = z.infer<typeof ZEscalationQuery>;

export const ZExplainQuery = z.object({ date: ZIsoDate, halfLife: ZHalfLife });
export type TExplainQuery = z.infer<typeof ZExplainQuery>;
