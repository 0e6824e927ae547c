/**
 * Version of the escalation index's method (docs/escalation-index.md: the
 * severity ladder, weights, decay and scaling). Every /api/escalation answer
 * carries it, so a saved figure says which method made it. The curator raises
 * it when the method or the scoring of events changes in a way that moves
 * published values.
 */
export const ESCALATION_METHOD_VERSION = "2.0";
