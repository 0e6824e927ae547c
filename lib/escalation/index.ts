/** Public API of the escalation index engine (pure: no I/O). */
export * from "./constants";
export * from "./types";
export { computeEscalationIndex, type ComputeEscalationIndexInput } from "./compute-escalation-index";
export { explainEscalationDay, type ExplainEscalationDayInput } from "./explain-escalation-day";
export { computeEscalationScale, SCALED_REFERENCE } from "./scale";
export { tryParseDay, formatDay } from "./dates";
