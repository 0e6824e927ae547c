/**
 * Compile-time only: each documented response schema describes exactly what
 * its handler returns. `npm run typecheck` fails here when a DTO gains, loses
 * or changes a field without the schema (and so the OpenAPI document) following.
 */
import type { z } from "zod";
import type { getAidSummary, getAidTimeseries, listAidRecords } from "@/lib/aid/queries";
import type { getAidRecord } from "@/lib/aid/mutations";
import type { listEvents, getEvent } from "@/lib/events/queries";
import type { listDeployments, getDeployment } from "@/lib/deployments/queries";
import type { getMeta } from "@/lib/meta/queries";
import type { getWeapons } from "@/lib/weapons/queries";
import type { explainEscalation, getEscalationSeries } from "@/lib/escalation/queries";
import type { listImportRuns } from "@/lib/import/kiel/import-runs";
import type { ImportKielResult } from "@/lib/import/kiel/import-kiel-release";
import type { ImportAidCsvResult } from "@/lib/import/aid/import-aid-csv";
import type * as R from "./response-schemas";
import type * as C from "./conflict-schemas";
import type { explainConflictDay, getConflictDaily, getConflictRegions } from "@/lib/conflict/queries";
import type { ImportConflictCsvResult } from "@/lib/conflict/import-conflict-csv";
import type * as W from "./workspace-schemas";
import type { SessionDto } from "@/lib/auth-routes";
import type { DraftDto } from "@/lib/drafts/event-drafts";
import type { EventEffect } from "@/lib/drafts/preview-effect";
import type { listAuditEntries } from "@/lib/audit/queries";
import type { UserDto } from "@/lib/auth-users";
import type { ApiTokenDto, createApiToken } from "@/lib/auth-tokens";

type Returns<F extends (...args: never[]) => unknown> = NonNullable<Awaited<ReturnType<F>>>;
/** Each assignable to the other: the same shape. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/**
 * The handler's type fits the schema, with the same top-level fields: for
 * handlers typed narrower than the contract (literal labels, a union on
 * "no dataset") and for nested reports the schema leaves open. Nested fields
 * the schema lacks are caught at run time by tests/openapi-responses.test.ts.
 */
type Frames<S, T> = [T] extends [S] ? Same<keyof S, keyof T> : false;
type Out<S extends z.ZodType> = z.output<S>;

/** Each entry must be `true`; the compiler names the one that is not. */
export const responseTypesMatch: true[] = [
  true satisfies Same<Out<typeof R.ZAidSummary>, Returns<typeof getAidSummary>>,
  true satisfies Same<Out<typeof R.ZAidTimeseries>, Returns<typeof getAidTimeseries>>,
  true satisfies Same<Out<typeof R.ZAidRecordsPage>, Returns<typeof listAidRecords>>,
  true satisfies Same<Out<typeof R.ZStoredAidRecord>, Returns<typeof getAidRecord>>,
  true satisfies Same<Out<typeof R.ZEventsPage>, Returns<typeof listEvents>>,
  true satisfies Same<Out<typeof R.ZEventDto>, Returns<typeof getEvent>>,
  true satisfies Same<Out<typeof R.ZDeploymentsPage>, Returns<typeof listDeployments>>,
  true satisfies Same<Out<typeof R.ZDeploymentDto>, Returns<typeof getDeployment>>,
  true satisfies Frames<Out<typeof R.ZMeta>, Returns<typeof getMeta>>,
  true satisfies Frames<Out<typeof R.ZWeapons>, Returns<typeof getWeapons>>,
  true satisfies Same<Out<typeof R.ZEscalationSeries>, Returns<typeof getEscalationSeries>>,
  true satisfies Same<Out<typeof R.ZEscalationExplanation>, Returns<typeof explainEscalation>>,
  true satisfies Frames<Out<typeof R.ZImportRunsPage>, Returns<typeof listImportRuns>>,
  true satisfies Frames<Out<typeof R.ZKielImportResult>, ImportKielResult>,
  true satisfies Same<Out<typeof R.ZAidImportResult>, ImportAidCsvResult>,
  true satisfies Same<Out<typeof C.ZConflictDaily>, Returns<typeof getConflictDaily>>,
  true satisfies Same<Out<typeof C.ZConflictRegions>, Returns<typeof getConflictRegions>>,
  true satisfies Same<Out<typeof C.ZConflictExplain>, Returns<typeof explainConflictDay>>,
  true satisfies Same<Out<typeof C.ZConflictImportResult>, ImportConflictCsvResult>,
  true satisfies Same<Out<typeof W.ZSessionDto>, SessionDto>,
  true satisfies Frames<Out<typeof W.ZDraftDto>, DraftDto>,
  true satisfies Same<Out<typeof W.ZEventEffect>, EventEffect>,
  true satisfies Frames<Out<typeof W.ZAuditPage>, Returns<typeof listAuditEntries>>,
  true satisfies Same<Out<typeof W.ZUserDto>, UserDto>,
  true satisfies Same<Out<typeof W.ZApiTokenDto>, ApiTokenDto>,
  true satisfies Same<Out<typeof W.ZCreatedToken>, Returns<typeof createApiToken>>,
];
