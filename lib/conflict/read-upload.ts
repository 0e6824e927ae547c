import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { zodToAppError } from "@/lib/http";
import { MAX_FORM_UPLOAD_BYTES, MAX_RAW_UPLOAD_BYTES } from "@/lib/import/aid/read-upload";
import { CONFLICT_FORMATS, type ConflictFormat } from "./codebook";

export { MAX_FORM_UPLOAD_BYTES, MAX_RAW_UPLOAD_BYTES };

export const ZConflictUploadFields = z.object({
  format: z.enum(CONFLICT_FORMATS),
  dryRun: z.enum(["true", "false"], { message: 'must be "true" or "false"' }).optional(),
});

export interface ConflictUpload {
  file: string;
  fileLabel: string;
  format: ConflictFormat;
  dryRun: boolean;
  remove: () => void;
}

/**
 * Reads POST /api/imports/events into a temporary file (the same two forms as
 * the aid upload: a text/csv body with ?format=…&dryRun=…, or a multipart form
 * with `file`, `format` and `dryRun`). The importer streams the file from disk.
 */
export async function readConflictUpload(req: Request): Promise<ConflictUpload> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-events-upload-"));
  const file = path.join(dir, "upload.csv");
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    if (type.startsWith("text/csv")) {
      const fields = parseFields(Object.fromEntries(new URL(req.url).searchParams), "query");
      if (!req.body) throw new AppError("BAD_REQUEST", "Request body is empty: send the CSV as the body", [{ path: ["body"], message: "required" }]);
      await streamToFile(Readable.fromWeb(req.body as WebReadableStream<Uint8Array>), file, MAX_RAW_UPLOAD_BYTES);
      return { file, fileLabel: "upload.csv", format: fields.format, dryRun: fields.dryRun === "true", remove };
    }
    if (type.startsWith("multipart/form-data")) {
      if (Number(req.headers.get("content-length") ?? 0) > MAX_FORM_UPLOAD_BYTES) throw tooLarge(MAX_FORM_UPLOAD_BYTES);
      let form: FormData;
      try {
        form = await req.formData();
      } catch (cause) {
        throw new AppError("BAD_REQUEST", "Request body is not a readable multipart form", [], { cause });
      }
      const raw: Record<string, string> = {};
      let upload: File | null = null;
      for (const [key, value] of form.entries()) {
        if (key === "file" && typeof value !== "string") upload = value;
        else if (typeof value === "string") {
          if (value !== "" && !(key in raw)) raw[key] = value;
        } else throw new AppError("BAD_REQUEST", `Invalid field "${key}": unexpected file`, [{ path: [key], message: "unexpected file" }]);
      }
      if (!upload) throw new AppError("BAD_REQUEST", 'Invalid field "file": a CSV file is required', [{ path: ["file"], message: "required" }]);
      const { file: _f, ...rest } = raw;
      const fields = parseFields(rest, "body");
      await streamToFile(Readable.fromWeb(upload.stream() as WebReadableStream<Uint8Array>), file, MAX_FORM_UPLOAD_BYTES);
      return { file, fileLabel: safeLabel(upload.name), format: fields.format, dryRun: fields.dryRun === "true", remove };
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
  const r = ZConflictUploadFields.safeParse(raw);
  if (!r.success) throw zodToAppError(r.error, where);
  return r.data;
}

function safeLabel(name: string): string {
  return (
    path
      .basename(name || "upload.csv")
      .replace(/[^\w.\- ()]/g, "_")
      .slice(0, 100) || "upload.csv"
  );
}

function tooLarge(limit: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The upload is larger than ${limit} bytes, the limit for this kind of upload`, [
    { path: ["file"], message: "too large" },
  ]);
}

async function streamToFile(input: Readable, file: string, limit: number): Promise<void> {
  let bytes = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > limit) done(tooLarge(limit));
      else done(null, chunk);
    },
  });
  await pipeline(input, guard, fs.createWriteStream(file));
}
