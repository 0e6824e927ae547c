import { z } from "zod";

export const DRAFT_STATUSES = ["pending", "published", "rejected"] as const;
export const DRAFT_ACTIONS = ["create", "update", "delete"] as const;
export type DraftAction = (typeof DRAFT_ACTIONS)[number];

/** Why, in the reviewer's or editor's words: optional when publishing, required when rejecting. */
const ZComment = z.string().trim().max(2000);

export const ZDraftsQuery = z.object({
  status: z.enum(DRAFT_STATUSES).default("pending"),
});
export const ZPublishBody = z.object({ comment: ZComment.optional() });
export const ZRejectBody = z.object({ comment: ZComment.min(1, "say why the draft is rejected") });
export type TPublishBody = z.infer<typeof ZPublishBody>;
