import { z } from "zod";
import { DEPLOYMENT_STATUSES, FORCE_TYPES } from "@/lib/domain/taxonomy";
import { ZIsoDate, ZSourceRefs } from "@/lib/domain/common-schemas";
import { commaList } from "@/lib/aid/schemas";

const ZCountry = z
  .string()
  .regex(/^[A-Za-z]{3}$/, "must be an ISO 3166-1 alpha-3 code")
  .transform((s) => s.toUpperCase());
const ZPersonnel = z.number().int().min(0).max(10_000_000).nullable().optional();

const ZDeploymentBase = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{2,120}$/, "must be a slug")
    .optional(),
  date: ZIsoDate,
  deployingCountry: ZCountry,
  hostCountry: ZCountry,
  location: z.string().trim().min(1).max(200),
  forceType: z.enum(FORCE_TYPES),
  personnelLow: ZPersonnel,
  personnelHigh: ZPersonnel,
  status: z.enum(DEPLOYMENT_STATUSES),
  notes: z.string().max(3000).nullable().optional(),
  sources: ZSourceRefs,
});

function rangeIsOrdered(d: { personnelLow?: number | null; personnelHigh?: number | null }): boolean {
  return d.personnelLow == null || d.personnelHigh == null || d.personnelLow <= d.personnelHigh;
}
const rangeRule = { path: ["personnelLow"], message: "personnelLow must not exceed personnelHigh" };

export const ZDeploymentInput = ZDeploymentBase.refine(rangeIsOrdered, rangeRule);
export type TDeploymentInput = z.infer<typeof ZDeploymentInput>;

export const ZDeploymentPatch = ZDeploymentBase.omit({ id: true })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: "the body must change at least one field" })
  .refine(rangeIsOrdered, rangeRule);
export type TDeploymentPatch = z.infer<typeof ZDeploymentPatch>;

export const ZDeploymentsQuery = z
  .object({
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
    country: commaList(ZCountry).optional(),
    status: commaList(z.enum(DEPLOYMENT_STATUSES)).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["from"], message: "`from` must not be after `to`" });
export type TDeploymentsQuery = z.infer<typeof ZDeploymentsQuery>;
