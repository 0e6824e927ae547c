import { z } from "zod";
import { CATEGORIES, CHANNELS, CONFIDENCES, CURRENCIES, DEPLOYMENT_STATUSES, EVENT_TYPES, MEASURES } from "@/lib/domain/taxonomy";
import { DONOR_GROUPS, type DonorGroup } from "@/lib/domain/donor-groups";

/**
 * What the API answers, as zod schemas: the OpenAPI document is generated from
 * them, tests/openapi-responses.test.ts parses real responses with them, and
 * ./response-types-check.ts makes the compiler compare each one with the type
 * its handler returns, so none can drift from the code. Strict objects: a
 * field the handler adds without documenting it fails the response test.
 */
// Dates as the DTOs write them (lib/domain/common-schemas.ts isoFromDate); the format, not the calendar, is checked.
const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ format: "date" });
const ZDateOrNull = ZDate.nullable();
const ZCategoryAmounts = z.record(z.enum(CATEGORIES), z.number());

export const ZSourceDto = z.strictObject({
  id: z.string(),
  publisher: z.string(),
  title: z.string(),
  url: z.string(),
  publishedAt: ZDateOrNull,
  releaseLabel: z.string().nullable(),
});

export const ZDatasetDto = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  description: z.string(),
  asOf: ZDateOrNull,
  source: ZSourceDto.nullable(),
  measures: z.array(z.string()),
  subcategories: z.array(z.string()),
  recordCount: z.number().int(),
});

const page = <T extends z.ZodType>(item: T) =>
  z.strictObject({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

// ---- events, deployments -------------------------------------------------

export const ZEventDto = z.strictObject({
  id: z.string(),
  date: ZDate,
  title: z.string(),
  summary: z.string(),
  actors: z.array(z.string()).meta({ description: "Actor codes (ISO 3166-1 alpha-3 or an organisation such as NATO), upper-case, in the order given" }),
  type: z.enum(EVENT_TYPES),
  typeLabel: z.string(),
  channel: z.enum(CHANNELS),
  severity: z.number().int(),
  confidence: z.enum(CONFIDENCES),
  sources: z.array(ZSourceDto),
});
export const ZEventsPage = page(ZEventDto);

export const ZDeploymentDto = z.strictObject({
  id: z.string(),
  date: ZDate,
  deployingCountry: z.string(),
  hostCountry: z.string(),
  location: z.string(),
  forceType: z.string(),
  personnelLow: z.number().int().nullable(),
  personnelHigh: z.number().int().nullable(),
  status: z.enum(DEPLOYMENT_STATUSES),
  notes: z.string().nullable(),
  sources: z.array(ZSourceDto),
});
export const ZDeploymentsPage = page(ZDeploymentDto);

// ---- aid ------------------------------------------------------------------

const ZAppliedRate = z.strictObject({
  pair: z.string(),
  period: z.string(),
  rate: z.number(),
  sourceId: z.string(),
  substituted: z.boolean(),
  note: z.string().nullable(),
});

/** What every aid response says about how its figures were made. */
const ZAidContext = z.strictObject({
  dataset: ZDatasetDto,
  measure: z.string(),
  currency: z.string(),
  unit: z.string(),
  filters: z.strictObject({
    donor: z.array(z.string()),
    category: z.array(z.string()),
    subcategory: z.array(z.string()),
    from: ZDateOrNull,
    to: ZDateOrNull,
  }),
  fx: z.strictObject({ rates: z.array(ZAppliedRate.extend({ source: ZSourceDto.nullable() })) }),
  sources: z.array(ZSourceDto),
});

export const ZAidSummary = ZAidContext.extend({
  total: z.number(),
  recordCount: z.number().int(),
  byCategory: ZCategoryAmounts,
  byDonor: z.array(
    z.strictObject({ donorCode: z.string(), donorName: z.string(), total: z.number(), byCategory: ZCategoryAmounts, gdpEur: z.number().nullable() }),
  ),
  gdpSource: ZSourceDto.nullable(),
});

export const ZAidTimeseries = ZAidContext.extend({
  granularity: z.string(),
  points: z.array(
    z.strictObject({ period: z.string(), total: z.number(), byCategory: ZCategoryAmounts, byDonor: z.record(z.string(), z.number()).optional() }),
  ),
  /** Only with `by=donor`. */
  donors: z.array(z.strictObject({ donorCode: z.string(), donorName: z.string(), total: z.number() })).optional(),
});

export const ZAidRecordDto = z.strictObject({
  id: z.string(),
  datasetId: z.string(),
  donorCode: z.string(),
  donorName: z.string(),
  date: ZDate,
  granularity: z.string(),
  category: z.enum(CATEGORIES),
  subcategory: z.string().nullable(),
  measure: z.string(),
  amount: z.number(),
  currency: z.string(),
  value: z.number().meta({ description: "The amount in the requested currency" }),
  valueCurrency: z.string(),
  fxRate: ZAppliedRate.nullable(),
  notes: z.string().nullable(),
  sources: z.array(ZSourceDto),
});
export const ZAidRecordsPage = ZAidContext.extend(page(ZAidRecordDto).shape);

/** One stored record as the write API and GET /api/aid/records/{id} return it: as stored, no conversion. */
export const ZStoredAidRecord = z.strictObject({
  id: z.string(),
  datasetId: z.string(),
  externalKey: z.string(),
  donorCode: z.string(),
  donorName: z.string(),
  date: ZDate,
  granularity: z.string(),
  category: z.string(),
  subcategory: z.string().nullable(),
  measure: z.string(),
  amount: z.number(),
  currency: z.string(),
  notes: z.string().nullable(),
  sources: z.array(ZSourceDto.pick({ id: true, publisher: true, title: true, url: true })),
});

export const ZWeapons = z.strictObject({
  dataset: ZDatasetDto.nullable(),
  items: z.array(
    z.strictObject({
      donorCode: z.string(),
      donorName: z.string(),
      category: z.string(),
      count: z.number().int(),
      valueEur: z.number(),
      weaponsList: z.string(),
    }),
  ),
  byCategory: z.array(z.strictObject({ category: z.string(), count: z.number().int(), valueEur: z.number() })),
  sources: z.array(ZSourceDto),
});

// ---- meta -----------------------------------------------------------------

const ZCodeLabel = z.strictObject({ code: z.string(), label: z.string() });
const ZSpan = z.strictObject({ from: ZDateOrNull, to: ZDateOrNull });
const ZDatasetSpan = ZSpan.extend({ datasetId: z.string() });

export const ZMeta = z.strictObject({
  donors: z.array(
    z.strictObject({ code: z.string(), name: z.string(), groups: z.array(z.enum(Object.keys(DONOR_GROUPS) as [DonorGroup])), recordCount: z.number().int() }),
  ),
  donorGroups: z.array(ZCodeLabel),
  categories: z.array(z.strictObject({ code: z.enum(CATEGORIES), label: z.string() })),
  subcategories: z.array(z.string()),
  measures: z.array(z.enum(MEASURES)),
  currencies: z.array(z.enum(CURRENCIES)),
  datasets: z.array(ZDatasetDto.extend({ coverage: ZDatasetSpan })),
  defaultDataset: z.string(),
  dataAsOf: ZDateOrNull,
  coverage: z.strictObject({ aid: ZDatasetSpan, events: ZSpan, deployments: ZSpan }),
  freshness: z.strictObject({
    tracker: z
      .strictObject({
        datasetId: z.string(),
        name: z.string(),
        releaseNumber: z.string().nullable(),
        dataTo: ZDateOrNull,
        publishedAt: ZDateOrNull,
      })
      .nullable(),
    eventsTo: ZDateOrNull,
    deploymentsTo: ZDateOrNull,
  }),
  eventTypes: z.array(z.strictObject({ code: z.enum(EVENT_TYPES), label: z.string() })),
  channels: z.array(z.strictObject({ code: z.enum(CHANNELS), label: z.string() })),
  deploymentStatuses: z.array(z.enum(DEPLOYMENT_STATUSES)),
  sources: z.strictObject({ total: z.number().int(), byPublisher: z.array(z.strictObject({ publisher: z.string(), count: z.number().int() })) }),
});

// ---- escalation -----------------------------------------------------------

const ZScale = z.strictObject({ factor: z.number(), reference: z.string(), scaled: z.boolean() });
const ZComponents = z.record(z.enum(CHANNELS), z.number());

export const ZEscalationSeries = z.strictObject({
  params: z.strictObject({ from: ZDate, to: ZDate, halfLifeDays: z.number(), channels: z.array(z.enum(CHANNELS)) }),
  scale: ZScale,
  points: z.array(z.strictObject({ date: ZDate, value: z.number(), components: ZComponents })),
  events: z.array(ZEventDto),
  eventCount: z.number().int(),
  coverageEnd: ZDateOrNull.meta({ description: "Date of the last curated event: after it the index only decays" }),
  methodVersion: z.string(),
  method: z.string(),
});

export const ZEscalationExplanation = z.strictObject({
  date: ZDate,
  value: z.number(),
  scale: ZScale,
  contributions: z.array(
    z.strictObject({
      event: ZEventDto,
      channel: z.enum(CHANNELS),
      contribution: z.number(),
      ageDays: z.number().int(),
      decayFactor: z.number(),
      confidenceWeight: z.number(),
    }),
  ),
  omitted: z.strictObject({ count: z.number().int(), contribution: z.number() }),
  params: z.strictObject({ date: ZDate, halfLifeDays: z.number() }),
  coverageEnd: ZDateOrNull,
  methodVersion: z.string(),
});

// ---- imports ----------------------------------------------------------------

const ZOutcome = z.enum(["imported", "unchanged", "dry-run"]);

export const ZImportRunsPage = page(
  z.strictObject({
    id: z.string(),
    datasetId: z.string(),
    release: z.string(),
    fileHash: z.string(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime(),
    rowsRead: z.number().int(),
    recordCount: z.number().int(),
    outcome: z.string(),
    summary: z.unknown().meta({ description: "Totals per category and measure, change against the previous release (as written by the import)" }),
    source: ZSourceDto,
  }),
);

/** Nested reports (release metadata, totals, diff, guard findings) are described in prose, not field by field. */
const ZReport = (description: string) =>
  z.custom<object>((v) => typeof v === "object" && v !== null && !Array.isArray(v)).meta({ type: "object", description });

export const ZKielImportResult = z.strictObject({
  outcome: ZOutcome,
  dryRun: z.boolean(),
  unchanged: z.boolean(),
  importRunId: z.string().nullable(),
  datasetId: z.string(),
  release: ZReport("The release: label, number, publication date, data period"),
  fileHash: z.string(),
  files: z.array(z.string()),
  summary: ZReport("Totals per category and measure, records and donors"),
  change: ZReport("Against the release the dataset held before: added, removed and changed records and totals"),
  guard: ZReport("The guards on replacing that release (shrink, older period, older publication) and whether they refuse"),
  warnings: z.array(z.string()),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  durationMs: z.number(),
});

export const ZAidImportResult = z.strictObject({
  outcome: ZOutcome,
  dryRun: z.boolean(),
  datasetId: z.string(),
  datasetName: z.string(),
  datasetCreated: z.boolean(),
  file: z.string(),
  fileHash: z.string(),
  rowsRead: z.number().int(),
  recordCount: z.number().int(),
  change: z.strictObject({
    mode: z.enum(["merge", "replace"]),
    added: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    removed: z.number().int(),
    kept: z.number().int(),
  }),
  totals: z.array(z.strictObject({ measure: z.string(), currency: z.string(), rows: z.number().int(), amount: z.number() })),
  newSources: z.number().int(),
  importRunId: z.string().nullable(),
  durationMs: z.number(),
});

// ---- errors -----------------------------------------------------------------

export const ZErrorIssue = z.strictObject({ path: z.array(z.union([z.string(), z.number()])), message: z.string() });

/** Every error the API sends (lib/http.ts errorResponse, lib/security/screen-api-request.ts). */
export const ZApiError = z.strictObject({
  error: z.string().meta({ description: "What went wrong, naming the parameter or field" }),
  code: z.string().meta({ description: "A machine-readable error code, e.g. BAD_REQUEST, NOT_FOUND, METHOD_NOT_ALLOWED" }),
  issues: z.array(ZErrorIssue).meta({ description: "One entry per invalid parameter or field; path[0] names it" }),
  requestId: z.string().optional().meta({ description: "On 500 only: quote it when reporting; the server log has the cause under it" }),
});

/** The OpenAPI document itself (only its frame: it is its own description). */
export const ZOpenApiDocument = z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string() }), paths: z.record(z.string(), z.unknown()) });
