/**
 * Version of the escalation index's method (docs/escalation-index.md, section 9:
 * the severity ladder, weights, decay, scaling and scoring rules). Every
 * /api/escalation answer carries it, so a saved figure says which method made
 * it. Raise it whenever a rung, weight, scoring rule or the scale changes.
 */
export const ESCALATION_METHOD_VERSION = "2.0 (2026-11-30)";
