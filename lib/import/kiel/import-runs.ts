import { z } from "zod";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { zodToAppError } from "@/lib/http";
import { ZIsoDate } from "@/lib/domain/common-schemas";
import { toSourceDto, type SourceDto } from "@/lib/sources/dto";
import type { ImportKielOptions } from "@/lib/import/kiel/import-kiel-release";
import type { KielFile, KielReleaseFiles } from "@/lib/import/kiel/read-release-folder";

export const ZImportRunsQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type TImportRunsQuery = z.infer<typeof ZImportRunsQuery>;

export interface ImportRunDto {
  id: string;
  datasetId: string;
  release: string;
  fileHash: string;
  startedAt: string;
  finishedAt: string;
  rowsRead: number;
  recordCount: number;
  outcome: string;
  summary: unknown;
  source: SourceDto;
}

function parseSummary(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

/** Import runs, newest first, each with the release it cites. */
export async function listImportRuns(db: Db, q: TImportRunsQuery) {
  const [rows, total] = await Promise.all([
    db.importRun.findMany({
      include: { source: true },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.importRun.count(),
  ]);
  const items: ImportRunDto[] = rows.map((r) => ({
    id: r.id,
    datasetId: r.datasetId,
    release: r.release,
    fileHash: r.fileHash,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt.toISOString(),
    rowsRead: r.rowsRead,
    recordCount: r.recordCount,
    outcome: r.outcome,
    summary: parseSummary(r.summary),
    source: toSourceDto(r.source),
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Upload limit per file; R29's data_explorer.csv is 100 kB. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const ZFormBoolean = z.enum(["true", "false"], { message: 'must be "true" or "false"' });

export const ZKielUploadFields = z
  .object({
    release: z.string().trim().min(1).max(200).optional(),
    published: ZIsoDate.optional(),
    dryRun: ZFormBoolean.optional(),
    allowShrink: ZFormBoolean.optional(),
    allowOlder: ZFormBoolean.optional(),
  })
  .strict();

export const KIEL_FILE_FIELDS = ["dataExplorer", "weapons", "releaseInfo"] as const;

/** The whole form (the files and the fields), checked on Content-Length before it is read into memory. */
export const MAX_KIEL_FORM_BYTES = KIEL_FILE_FIELDS.length * MAX_UPLOAD_BYTES + 1024 * 1024;

/**
 * Reads the multipart upload of POST /api/imports: files `dataExplorer`
 * (required), `weapons`, `releaseInfo`; fields `release`, `published`, `dryRun`,
 * and the guard overrides `allowShrink`, `allowOlder` (see check-replacement.ts).
 */
export async function readKielUpload(req: Request): Promise<{ files: KielReleaseFiles; options: ImportKielOptions }> {
  const length = Number(req.headers.get("content-length") ?? NaN);
  if (length > MAX_KIEL_FORM_BYTES) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The upload is larger than ${MAX_KIEL_FORM_BYTES} bytes, the limit for a release form (${MAX_UPLOAD_BYTES} bytes per file)`,
      [{ path: ["body"], message: "too large" }],
    );
  }
  let form: FormData;
  try {
    form = await req.formData();
  } catch (cause) {
    throw new AppError("BAD_REQUEST", "Request body must be multipart/form-data with a dataExplorer file", [], { cause });
  }
  const fields: Record<string, string> = {};
  const files: Partial<Record<(typeof KIEL_FILE_FIELDS)[number], KielFile>> = {};
  for (const [key, value] of form.entries()) {
    if ((KIEL_FILE_FIELDS as readonly string[]).includes(key)) {
      if (typeof value === "string") {
        throw new AppError("BAD_REQUEST", `Invalid field "${key}": must be a file upload`, [{ path: [key], message: "must be a file" }]);
      }
      if (value.size > MAX_UPLOAD_BYTES) {
        throw new AppError("PAYLOAD_TOO_LARGE", `Invalid field "${key}": file larger than ${MAX_UPLOAD_BYTES} bytes`, [
          { path: [key], message: "file too large" },
        ]);
      }
      files[key as (typeof KIEL_FILE_FIELDS)[number]] = { name: value.name || `${key}.csv`, text: await value.text() };
    } else if (typeof value === "string") {
      if (value !== "" && !(key in fields)) fields[key] = value;
    } else {
      throw new AppError("BAD_REQUEST", `Invalid field "${key}": unexpected file`, [{ path: [key], message: "unexpected file" }]);
    }
  }
  if (!files.dataExplorer) {
    throw new AppError("BAD_REQUEST", 'Invalid field "dataExplorer": a data_explorer.csv file is required', [{ path: ["dataExplorer"], message: "required" }]);
  }
  const parsed = ZKielUploadFields.safeParse(fields);
  if (!parsed.success) throw zodToAppError(parsed.error, "body");
  return {
    files: { dataExplorer: files.dataExplorer, weapons: files.weapons ?? null, releaseInfo: files.releaseInfo ?? null },
    options: {
      release: parsed.data.release,
      published: parsed.data.published,
      dryRun: parsed.data.dryRun === "true",
      allowShrink: parsed.data.allowShrink === "true",
      allowOlder: parsed.data.allowOlder === "true",
    },
  };
}
