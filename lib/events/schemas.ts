import { z } from "zod";
import { CONFIDENCES, EVENT_TYPES, SEVERITY_MAX, SEVERITY_MIN } from "@/lib/domain/taxonomy";
import { ZIsoDate, ZSourceRefs } from "@/lib/domain/common-schemas";
import { commaList } from "@/lib/aid/schemas";
import { rejectUnknownActors, ZActorCodeInput } from "@/lib/domain/actors";

/** Known codes, each once, in the order given (the store keys actors by event and code). */
const ZActorList = z
  .array(ZActorCodeInput)
  .max(50)
  .superRefine(rejectUnknownActors)
  .transform((codes) => [...new Set(codes)]);

const ZEventBase = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{2,120}$/, "must be a slug")
    .optional(),
  date: ZIsoDate,
  title: z.string().trim().min(1).max(300),
  summary: z.string().trim().min(1).max(3000),
  actors: ZActorList,
  type: z.enum(EVENT_TYPES),
  // 0 is no rung of the ladder: POST refused it through the sign rule, a PATCH without `type` must too.
  severity: z
    .number()
    .int()
    .min(SEVERITY_MIN)
    .max(SEVERITY_MAX)
    .refine((v) => v !== 0, "severity must not be 0: negative for de_escalation, positive otherwise"),
  confidence: z.enum(CONFIDENCES),
  sources: ZSourceRefs,
});

/** De-escalation scores below zero; every other type above it. */
function severitySignMatchesType(e: { type?: string; severity?: number }): boolean {
  if (e.type === undefined || e.severity === undefined) return true;
  return e.type === "de_escalation" ? e.severity < 0 : e.severity > 0;
}
const signRule = {
  path: ["severity"],
  message: "severity must be negative for de_escalation and positive for every other type",
};

export const ZEventInput = ZEventBase.extend({ actors: ZEventBase.shape.actors.default([]) }).refine(severitySignMatchesType, signRule);
export type TEventInput = z.infer<typeof ZEventInput>;

export const ZEventPatch = ZEventBase.omit({ id: true })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: "the body must change at least one field" })
  .refine(severitySignMatchesType, signRule);
export type TEventPatch = z.infer<typeof ZEventPatch>;

export const ZEventsQuery = z
  .object({
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
    type: commaList(z.enum(EVENT_TYPES)).optional(),
    confidence: commaList(z.enum(CONFIDENCES)).optional(),
    // Exact codes: an event matches when it involves any of them.
    actor: commaList(ZActorCodeInput).superRefine(rejectUnknownActors).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["from"], message: "`from` must not be after `to`" });
export type TEventsQuery = z.infer<typeof ZEventsQuery>;
