import type { Channel, Confidence, EventType } from "../domain/taxonomy";

/**
 * The minimum an event needs to enter the index. Callers may pass richer
 * objects (e.g. database rows with sources); the engine functions are generic
 * over `E extends IndexEvent` so those extra fields come back untouched in
 * explanations.
 */
export type IndexEvent = {
  id: string;
  /** UTC calendar day, YYYY-MM-DD. */
  date: string;
  title: string;
  type: EventType;
  /** Ladder step, -5..10 (see SEVERITY_LADDER); negative only for de_escalation. */
  severity: number;
  confidence: Confidence;
};

export type IndexParams = {
  from: string;
  to: string;
  halfLifeDays: number;
  /** Channels summed into `value`; omitted = all channels. */
  channels?: Channel[];
};

export type EscalationScale = {
  /** Multiplier applied to every raw value (1 when unscaled). */
  factor: number;
  /** Human-readable statement of what 100 means, or why the index is unscaled. */
  reference: string;
  scaled: boolean;
};

/**
 * How to scale: `true`/omitted = compute the 2022 = 100 factor from the events;
 * `false` = raw values (factor 1); an object = reuse a factor computed earlier
 * (e.g. cached by the HTTP layer for the same event set and half-life).
 */
export type ScaleOption = boolean | EscalationScale;

export type EscalationPoint = {
  date: string;
  /** Scaled sum of the selected channels. */
  value: number;
  /** Scaled value of every channel, selected or not. */
  components: Record<Channel, number>;
};

export type EscalationIndexResult = {
  params: Required<IndexParams>;
  scale: EscalationScale;
  points: EscalationPoint[];
};

export type EventContribution<E extends IndexEvent = IndexEvent> = {
  event: E;
  channel: Channel;
  /** Scaled contribution to the headline on the explained day. */
  contribution: number;
  ageDays: number;
  /** 0.5 ^ (ageDays / halfLifeDays). */
  decayFactor: number;
  confidenceWeight: number;
};

export type EscalationDayExplanation<E extends IndexEvent = IndexEvent> = {
  date: string;
  /** Scaled headline on that day (exact; equals the index value for that day). */
  value: number;
  scale: EscalationScale;
  /** Events dated ≤ date, largest |contribution| first, minus dust (see `omitted`). */
  contributions: EventContribution<E>[];
  /** Left-out events (each |contribution| ≤ 1e-9, together ≤ 1e-10): count and signed total. */
  omitted: { count: number; contribution: number };
};
