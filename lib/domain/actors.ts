import { z } from "zod";
import { ISO_COUNTRIES } from "./iso-countries";

/**
 * Who an escalation event involves: states by their ISO 3166-1 alpha-3 code,
 * plus the organisations that act as one party. A closed list, so that the
 * events filter can be an exact match on a code (no free-text names that a
 * comma could split or a prefix could half-match) and a typo is a 400, not an
 * empty result.
 */
export const ORGANISATION_ACTORS: Readonly<Record<string, string>> = {
  CSTO: "Collective Security Treaty Organization",
  EU: "European Union",
  G7: "Group of Seven",
  IAEA: "International Atomic Energy Agency",
  NATO: "North Atlantic Treaty Organization",
  OSCE: "Organization for Security and Co-operation in Europe",
  UN: "United Nations",
};

export const ACTOR_NAMES: Readonly<Record<string, string>> = { ...ISO_COUNTRIES, ...ORGANISATION_ACTORS };

export function isKnownActor(code: string): boolean {
  return Object.hasOwn(ACTOR_NAMES, code);
}

/**
 * An actor code as typed: trimmed and upper-cased, nothing refused yet. Lists
 * are checked whole by `rejectUnknownActors`, so that a long list of bad codes
 * makes one issue, not one per item (an error body must not outgrow the request).
 */
export const ZActorCodeInput = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .meta({ maxLength: 4, description: "ISO 3166-1 alpha-3 country code or organisation code (case-insensitive)", examples: ["RUS", "NATO"] });

const SHOWN = 5;

/** One issue naming the unknown codes of `codes` (the first five), at the first one's index. */
export function rejectUnknownActors(codes: readonly string[], ctx: z.RefinementCtx): void {
  const unknown = codes.flatMap((code, index) => (isKnownActor(code) ? [] : [{ code, index }]));
  if (unknown.length === 0) return;
  const named = unknown
    .slice(0, SHOWN)
    .map((u) => JSON.stringify(u.code))
    .join(", ");
  const more = unknown.length > SHOWN ? ` and ${unknown.length - SHOWN} more` : "";
  ctx.addIssue({
    code: "custom",
    path: [unknown[0].index],
    message: `unknown actor ${named}${more}: use an ISO 3166-1 alpha-3 country code or one of ${Object.keys(ORGANISATION_ACTORS).join(", ")}`,
  });
}
