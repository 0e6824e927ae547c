// Version of the escalation method in docs/escalation-index.md (section 9); change it whenever a rung, weight, scoring rule or the scale changes.
export const ESCALATION_METHOD_VERSION = "2.0 (2026-11-30)";
