import type { ConflictFormat } from "./codebook";

/**
 * The kinetic series, decided once per event at import time (and stored with
 * it, so the daily sums are plain SUMs):
 * - strike: ACLED event type "Explosions/Remote violence" (all its sub-types:
 *   air/drone strikes, shelling/artillery/missile attacks, remote explosives…);
 *   UCDP: state-based violence (type_of_violence 1). UCDP does not tell a strike
 *   from a battle, so its state-based events form the strike series and its
 *   battle series stays empty (documented in the README).
 * - battle: ACLED event type "Battles".
 * - cross-border into Russia: located in Russia with a Ukrainian actor (actor1,
 *   actor2 or their associates for ACLED; side_a or side_b for UCDP). Any event
 *   type: the definition is where and who, not how.
 */
export interface ClassifyInput {
  format: ConflictFormat;
  eventType: string;
  country: string;
  actors: (string | null | undefined)[];
}

const UKRAINIAN = /\bukrain/i;

export function classifyEvent(e: ClassifyInput): { isStrike: boolean; isBattle: boolean; isCrossBorder: boolean } {
  const isStrike = e.format === "acled" ? e.eventType === "Explosions/Remote violence" : e.eventType === "State-based conflict";
  const isBattle = e.format === "acled" && e.eventType === "Battles";
  const inRussia = e.country.trim().toLowerCase() === "russia" || e.country.trim().toLowerCase() === "russia (soviet union)";
  const isCrossBorder = inRussia && e.actors.some((a) => !!a && UKRAINIAN.test(a));
  return { isStrike, isBattle, isCrossBorder };
}
