import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { zodToAppError } from "@/lib/http";
import { ZDatasetId, type ImportAidCsvOptions } from "@/lib/import/aid/import-aid-csv";

/** A raw text/csv body is streamed to disk: up to this size. */
export const MAX_RAW_UPLOAD_BYTES = 1024 * 1024 * 1024;
/** A multipart form is parsed in memory by the runtime: up to this size (use a raw text/csv body for more). */
export const MAX_FORM_UPLOAD_BYTES = 64 * 1024 * 1024;

const flag = z.enum(["true", "false"], { message: 'must be "true" or "false"' }).optional();
export const ZAidUploadFields = z
  .object({
    dataset: ZDatasetId,
    name: z.string().trim().min(1).max(200).optional(),
    replace: flag,
    dryRun: flag,
  })
  .strict();

export interface AidUpload {
  /** A temporary copy of the CSV; call `remove` when done. */
  file: string;
  fileLabel: string;
  options: Pick<ImportAidCsvOptions, "datasetId" | "name" | "replace" | "dryRun">;
  remove: () => void;
}

/**
 * Reads POST /api/imports/aid into a temporary file (the importer streams it:
 * once for a new dataset, twice into an existing one or on a dry run) and its options. Two forms:
 * - `Content-Type: text/csv`: the body is the CSV, streamed to disk; options in
 *   the query string (?dataset=…&name=…&replace=true&dryRun=true);
 * - `multipart/form-data`: a `file` field and the same fields in the form.
 */
export async function readAidUpload(req: Request): Promise<AidUpload> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-aid-upload-"));
  const file = path.join(dir, "upload.csv");
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    if (type.startsWith("text/csv")) {
      if (!req.body) throw new AppError("BAD_REQUEST", "Request body is empty: send the CSV as the body", [{ path: ["body"], message: "required" }]);
      await streamToFile(Readable.fromWeb(req.body as WebReadableStream<Uint8Array>), file, MAX_RAW_UPLOAD_BYTES);
      const params = Object.fromEntries(new URL(req.url).searchParams);
      return { file, fileLabel: "upload.csv", options: toOptions(parseFields(params, "query")), remove };
    }
    if (type.startsWith("multipart/form-data")) {
      const length = Number(req.headers.get("content-length") ?? 0);
      if (length > MAX_FORM_UPLOAD_BYTES) throw tooLarge(MAX_FORM_UPLOAD_BYTES, "a form upload; send a larger file as a text/csv body");
      let form: FormData;
      try {
        form = await req.formData();
      } catch (cause) {
        throw new AppError("BAD_REQUEST", "Request body is not a readable multipart form", [], { cause });
      }
      const fields: Record<string, string> = {};
      let upload: File | null = null;
      for (const [key, value] of form.entries()) {
        if (key === "file") {
          if (typeof value === "string")
            throw new AppError("BAD_REQUEST", 'Invalid field "file": must be a file upload', [{ path: ["file"], message: "must be a file" }]);
          upload = value;
        } else if (typeof value === "string") {
          if (value !== "" && !(key in fields)) fields[key] = value;
        } else {
          throw new AppError("BAD_REQUEST", `Invalid field "${key}": unexpected file`, [{ path: [key], message: "unexpected file" }]);
        }
      }
      if (!upload) throw new AppError("BAD_REQUEST", 'Invalid field "file": a CSV file is required', [{ path: ["file"], message: "required" }]);
      const parsed = parseFields(fields, "body");
      await streamToFile(Readable.fromWeb(upload.stream() as WebReadableStream<Uint8Array>), file, MAX_FORM_UPLOAD_BYTES);
      return { file, fileLabel: safeLabel(upload.name), options: toOptions(parsed), remove };
    }
    throw new AppError("BAD_REQUEST", "Send the CSV as a text/csv body or as the `file` field of a multipart/form-data form", [
      { path: ["content-type"], message: "must be text/csv or multipart/form-data" },
    ]);
  } catch (e) {
    remove();
    throw e;
  }
}

function parseFields(raw: Record<string, string>, where: "query" | "body") {
  const r = ZAidUploadFields.safeParse(raw);
  if (!r.success) throw zodToAppError(r.error, where);
  return r.data;
}

function toOptions(f: z.infer<typeof ZAidUploadFields>): AidUpload["options"] {
  return { datasetId: f.dataset, name: f.name, replace: f.replace === "true", dryRun: f.dryRun === "true" };
}

/** A file name fit to show and store: its base name, printable, at most 100 characters. */
function safeLabel(name: string): string {
  const base = path
    .basename(name || "upload.csv")
    .replace(/[^\w.\- ()]/g, "_")
    .slice(0, 100);
  return base || "upload.csv";
}

function tooLarge(limit: number, what: string): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The upload is larger than ${limit} bytes, the limit for ${what}`, [{ path: ["file"], message: "too large" }]);
}

async function streamToFile(input: Readable, file: string, limit: number): Promise<void> {
  let bytes = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > limit) done(tooLarge(limit, "an upload"));
      else done(null, chunk);
    },
  });
  await pipeline(input, guard, fs.createWriteStream(file));
}
