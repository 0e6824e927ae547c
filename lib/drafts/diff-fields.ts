/** One changed field of a draft, as a reviewer reads it. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Field-by-field difference between the published entity (null when the draft
 * creates it) and what the draft would make of it (null when it deletes it).
 * Only the listed fields are compared, in that order, so derived display
 * fields (labels, channels) do not show up as changes.
 */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null, fields: readonly string[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of fields) {
    const b = before ? before[field] : undefined;
    const a = after ? after[field] : undefined;
    if (!same(b, a)) out.push({ field, before: b ?? null, after: a ?? null });
  }
  return out;
}
