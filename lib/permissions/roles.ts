/**
 * Who may do what: one table of role × action, the only place a permission is
 * decided. Server code asks `can(role, action)`; pages ask the same function to
 * decide which controls to show (the server still checks every write).
 */
export const ROLES = ["viewer", "editor", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  /** Read the published dashboard and API (public unless REQUIRE_LOGIN=1). */
  "data.read",
  /** Propose a create, update or delete of an event, deployment or aid record (as a draft). */
  "draft.create",
  /** See pending drafts and preview the index with them. */
  "draft.read",
  /** Publish or reject a draft. */
  "draft.review",
  /** Write straight to the published data, without review (scripts, admins). */
  "data.write",
  /** Read the audit trail. */
  "audit.read",
  /** Undo an audited change (itself audited). */
  "audit.revert",
  /** Run dataset imports. */
  "import.run",
  /** Create users and change their roles. */
  "user.manage",
  /** Create, list and revoke API tokens. */
  "token.manage",
] as const;
export type Action = (typeof ACTIONS)[number];

const TABLE: Record<Role, readonly Action[]> = {
  viewer: ["data.read"],
  editor: ["data.read", "draft.create", "draft.read"],
  reviewer: ["data.read", "draft.create", "draft.read", "draft.review", "audit.read", "audit.revert"],
  admin: ACTIONS,
};

export function can(role: Role, action: Action): boolean {
  return TABLE[role].includes(action);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** A role's rank, so a token can be limited to at most its owner's role. */
export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}
