import { z } from "zod";

export const DRAFT_STATUSES = ["pending", "published", "rejected"] as const;
export const DRAFT_ACTIONS = ["create", "update", "delete"] as const;
export type DraftAction = (typeof DRAFT_ACTIONS)[number];

/** Why, in the reviewer's or editor's words: optional when publishing, required when rejecting. */
const ZComment = z.string().trim().max(2000);

export const ZDraftsQuery = z.object({
  status: z.enum(DRAFT_STATUSES).default("pending"),
});

export const ZDraftDecision = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("publish"), id: z.string().min(1).max(100), comment: ZComment.optional() }),
  z.object({ decision: z.literal("reject"), id: z.string().min(1).max(100), comment: ZComment.min(1, "say why the draft is rejected") }),
]);

export const ZRevertBody = z.object({ id: z.string().min(1).max(100), comment: ZComment.optional() });
