import { z } from "zod";

/**
 * Responses of the analysts' workspace (sessions, drafts, audit, admin), as
 * strict zod schemas like ./response-schemas.ts: the document is generated
 * from them and ./response-types-check.ts holds them to the handlers' types.
 */
const ZInstant = z.string().meta({ format: "date-time" });

export const ZSessionDto = z.strictObject({
  user: z.strictObject({ id: z.string(), email: z.string(), name: z.string(), role: z.string() }).nullable(),
});

export const ZFieldChange = z.strictObject({ field: z.string(), before: z.unknown(), after: z.unknown() });

export const ZDraftDto = z.strictObject({
  id: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: z.enum(["create", "update", "delete"]),
  status: z.string(),
  author: z.string(),
  comment: z.string().nullable(),
  createdAt: ZInstant,
  decidedAt: ZInstant.nullable(),
  decidedBy: z.string().nullable(),
  reviewComment: z.string().nullable(),
  payload: z.unknown().meta({ description: "The proposed API body, as validated" }),
  changes: z.array(ZFieldChange).meta({ description: "Field-by-field changes against the published entity (pending drafts only)" }),
});
export const ZDraftList = z.strictObject({ items: z.array(ZDraftDto) });

export const ZEventEffect = z.strictObject({
  date: z.string(),
  onDate: z.number().meta({ description: "Index points the event adds on its date" }),
  laterDate: z.string(),
  later: z.number().meta({ description: "Index points it still adds 30 days later" }),
});

export const ZAuditEntry = z.strictObject({
  id: z.string(),
  at: ZInstant,
  userId: z.string().nullable(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  comment: z.string().nullable(),
  revertOf: z.string().nullable(),
});
export const ZAuditPage = z.strictObject({ items: z.array(ZAuditEntry), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const ZRevertResult = z.strictObject({ id: z.string().meta({ description: "The audit entry of the revert" }) });

export const ZUserDto = z.strictObject({ id: z.string(), email: z.string(), name: z.string(), role: z.string(), createdAt: ZInstant });
export const ZUserList = z.strictObject({ items: z.array(ZUserDto) });

export const ZApiTokenDto = z.strictObject({
  id: z.string(),
  label: z.string(),
  role: z.string(),
  owner: z.string().nullable(),
  createdAt: ZInstant,
  expiresAt: ZInstant.nullable(),
  revokedAt: ZInstant.nullable(),
});
export const ZApiTokenList = z.strictObject({ items: z.array(ZApiTokenDto) });
export const ZCreatedToken = ZApiTokenDto.extend({ token: z.string().meta({ description: "The token itself: shown this once, only its hash is stored" }) });
