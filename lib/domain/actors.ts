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

function unknownActor(input: unknown): string {
  return `unknown actor ${JSON.stringify(input)}: use an ISO 3166-1 alpha-3 country code or one of ${Object.keys(ORGANISATION_ACTORS).join(", ")}`;
}

/** One actor code: case-insensitive on input, stored and returned upper-case. */
export const ZActorCode = z
  .string()
  .trim()
  .max(4, { error: (issue) => unknownActor(issue.input) })
  .transform((s) => s.toUpperCase())
  .refine(isKnownActor, { error: (issue) => unknownActor(issue.input) })
  .meta({ description: "ISO 3166-1 alpha-3 country code or organisation code (case-insensitive)", examples: ["RUS", "NATO"] });
