import type { Confidence } from "../domain/taxonomy";

/** Weight of an event by how well it is sourced (rationale: docs/escalation-index.md §3). */
export const CONFIDENCE_WEIGHTS: Readonly<Record<Confidence, number>> = {
  confirmed: 1.0,
  reported: 0.6,
  disputed: 0.3,
};

export const DEFAULT_HALF_LIFE_DAYS = 30;
export const MIN_HALF_LIFE_DAYS = 1;
export const MAX_HALF_LIFE_DAYS = 365;

/** Scaling: the highest 30-day trailing mean of the raw headline in 2022 is 100. */
export const SCALE_REFERENCE_YEAR = 2022;
export const SCALE_WINDOW_DAYS = 30;
export const SCALE_TARGET = 100;

/**
 * Guard against accidental huge ranges (memory: 6 numbers per day). ~100 years
 * is far beyond any real request; the HTTP layer may impose a tighter limit.
 */
export const MAX_RANGE_DAYS = 36_600;
