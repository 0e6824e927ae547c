import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import type { Db } from "@/lib/db";
import { writeTransaction } from "@/lib/data-version";
import { refreshAidRollupTx } from "@/lib/aid/rollup";
import { periodMonthOf } from "@/lib/aid/period-month";
import { AppError, type ErrorIssue } from "@/lib/errors";
import { dateFromIso, isoFromDate } from "@/lib/domain/common-schemas";
import type { KielIssue } from "@/lib/import/kiel/csv";
import { parseDataExplorer, type DataExplorer } from "@/lib/import/kiel/parse-data-explorer";
import { parseWeapons, type WeaponsRow } from "@/lib/import/kiel/parse-weapons";
import { isIsoDate, parseReleaseInfo, type ReleaseInfo } from "@/lib/import/kiel/parse-release-info";
import { planKielImport, toDiffRecords, type KielSummary } from "@/lib/import/kiel/plan-kiel-import";
import { diffReleases, type ReleaseDiff } from "@/lib/import/kiel/diff-releases";
import { KIEL_DATASET_ID, KIEL_PUBLISHER, KIEL_URL, resolveReleaseMeta, type ReleaseMeta } from "@/lib/import/kiel/release-meta";
import { readReleaseFolder, type KielReleaseFiles } from "@/lib/import/kiel/read-release-folder";
import { checkReplacement, explainRefusal, GUARD_OVERRIDE, type ReplacementCheck, type ReplacementOverrides } from "@/lib/import/kiel/check-replacement";

export interface KielProgress {
  phase: "parse" | "plan" | "compare" | "write" | "done";
  message: string;
  done?: number;
  total?: number;
}

export interface ImportKielOptions extends ReplacementOverrides {
  /** Release label; overrides release_info.csv's. */
  release?: string | null;
  /** Publication date YYYY-MM-DD; overrides release_info.csv's. */
  published?: string | null;
  /** Validate, plan and compare, write nothing. */
  dryRun?: boolean;
  /** Clock, for tests. */
  now?: () => Date;
  /**
   * Progress callback. Write progress is reported inside the transaction: an
   * exception thrown here aborts the import and rolls everything back.
   */
  onProgress?: (p: KielProgress) => void;
}

export interface ImportKielResult {
  /** "dry-run": nothing written; see `unchanged` for what a real import would do. */
  outcome: "imported" | "unchanged" | "dry-run";
  dryRun: boolean;
  /** Whether the files are the release the dataset already holds. */
  unchanged: boolean;
  /** The ImportRun written (null on a dry run). */
  importRunId: string | null;
  datasetId: string;
  release: ReleaseMeta;
  /** sha256 over the files used. */
  fileHash: string;
  files: string[];
  summary: KielSummary;
  /** Against the release the dataset held before. */
  change: ReleaseDiff;
  /** The guards on replacing that release; a dry run reports a refusal here instead of throwing. */
  guard: ReplacementCheck;
  warnings: string[];
  startedAt: string;
  finishedAt: string;
  durationMs: number;
}

/** A file that fails validation: 400 with one issue per problem, path [line, column]. Nothing is written. */
export class KielValidationError extends AppError {
  constructor(
    readonly kielIssues: KielIssue[],
    readonly issueCount: number,
  ) {
    const shown = kielIssues
      .slice(0, 5)
      .map((i) => `${i.file} line ${i.line}${i.column ? `, column "${i.column}"` : ""}: ${i.message}`)
      .join("; ");
    const more = issueCount > 5 ? ` (and ${issueCount - 5} more)` : "";
    const issues: (ErrorIssue & { file: string })[] = kielIssues.map((i) => ({
      path: [i.line, i.column],
      message: `${i.file} line ${i.line}${i.column ? `, column "${i.column}"` : ""}: ${i.message}`,
      file: i.file,
    }));
    super("BAD_REQUEST", `Invalid Kiel release: ${issueCount} problem${issueCount === 1 ? "" : "s"}: ${shown}${more}`, issues);
    this.name = "KielValidationError";
  }
}

/**
 * An import the replacement guards refuse (409): it would remove too many
 * records or go back to an older release. Nothing is written.
 */
export class KielGuardError extends AppError {
  constructor(readonly check: ReplacementCheck) {
    super(
      "CONFLICT",
      explainRefusal(check),
      check.findings.filter((f) => !f.overridden).map((f) => ({ path: [GUARD_OVERRIDE[f.rule].field], message: `This import ${f.message}` })),
    );
    this.name = "KielGuardError";
  }
}

/** Files that do not end with a line break may have lost the end of their last row. */
function truncationWarnings(files: KielReleaseFiles): string[] {
  return [files.dataExplorer, files.weapons, files.releaseInfo]
    .filter((f): f is NonNullable<typeof f> => !!f && f.text.trim() !== "" && !/\n$/.test(f.text))
    .map((f) => `${f.name} does not end with a line break: check that its last row (line ${f.text.replace(/\r\n?/g, "\n").split("\n").length}) is complete`);
}

const RECORD_CHUNK = 500;

export function hashReleaseFiles(files: KielReleaseFiles): string {
  const h = createHash("sha256");
  for (const [role, f] of [
    ["data_explorer", files.dataExplorer],
    ["weapons", files.weapons],
    ["release_info", files.releaseInfo],
  ] as const) {
    if (!f) continue;
    h.update(`${role}\n${Buffer.byteLength(f.text, "utf8")}\n`);
    h.update(f.text, "utf8");
  }
  return h.digest("hex");
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function description(meta: ReleaseMeta): string {
  return (
    "Kiel Institute for the World Economy, Ukraine Support Tracker (Trebesch et al.): government aid to Ukraine " +
    "per donor and month. Allocations are split into military, financial and humanitarian; commitments are not " +
    `split by category and are never added to allocations. ${meta.label}, data through ${meta.period}.`
  );
}

export interface ValidatedKielFiles {
  dataExplorer: DataExplorer;
  weapons: WeaponsRow[] | null;
  releaseInfo: ReleaseInfo | null;
}

/**
 * Parses and validates the files of a release without touching a database
 * (weapons donor names are resolved later, against the donors). Throws
 * KielValidationError listing every problem (up to 20 per file).
 */
export function validateKielFiles(files: KielReleaseFiles): ValidatedKielFiles {
  const de = parseDataExplorer(files.dataExplorer.text, files.dataExplorer.name);
  const wp = files.weapons ? parseWeapons(files.weapons.text, files.weapons.name) : null;
  const ri = files.releaseInfo ? parseReleaseInfo(files.releaseInfo.text, files.releaseInfo.name) : null;
  const issues = [de, wp, ri].flatMap((r) => (r && !r.ok ? r.issues : []));
  const count = [de, wp, ri].reduce((n, r) => n + (r && !r.ok ? r.issueCount : 0), 0);
  if (!de.ok || (wp && !wp.ok) || (ri && !ri.ok)) throw new KielValidationError(issues, count);
  return { dataExplorer: de.value, weapons: wp ? (wp.ok ? wp.value : null) : null, releaseInfo: ri ? (ri.ok ? ri.value : null) : null };
}

/**
 * Validates a Kiel release and makes it the "kiel-ust" tracker dataset. The
 * previous release's records, GDP and weapons rows are replaced in one
 * transaction, so a failure leaves the previous release intact. Importing the
 * release the dataset already holds writes only an "unchanged" ImportRun.
 * Throws KielValidationError (400) when a file is invalid; nothing is written then.
 */
export async function importKielRelease(db: Db, files: KielReleaseFiles, options: ImportKielOptions = {}): Promise<ImportKielResult> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const t0 = performance.now();
  const progress = options.onProgress ?? (() => {});
  const dryRun = options.dryRun ?? false;

  if (options.published && !isIsoDate(options.published.trim())) {
    throw new AppError("BAD_REQUEST", `Invalid field "published": must be a date as YYYY-MM-DD, got "${options.published}"`, [
      { path: ["published"], message: "must be a date as YYYY-MM-DD" },
    ]);
  }

  // 1. Parse and validate every file; report all problems together.
  const parsed = validateKielFiles(files);
  progress({
    phase: "parse",
    message: `validated ${parsed.dataExplorer.rows.length} rows of ${files.dataExplorer.name}`,
    done: parsed.dataExplorer.rows.length,
  });

  // 2. Plan against the donors the database knows.
  const knownDonors = await db.donor.findMany({ select: { code: true, name: true } });
  const planned = planKielImport({
    dataExplorer: parsed.dataExplorer,
    weapons: parsed.weapons,
    knownDonors,
    weaponsFile: files.weapons?.name,
  });
  if (!planned.ok) throw new KielValidationError(planned.issues, planned.issueCount);
  const plan = planned.value;
  const last = plan.summary.lastMonth.split("-").map(Number);
  const { meta, warnings } = resolveReleaseMeta({
    releaseInfo: parsed.releaseInfo,
    label: options.release,
    published: options.published,
    dataFileName: files.dataExplorer.name,
    lastDataMonth: { year: last[0], month: last[1] },
  });
  warnings.push(...truncationWarnings(files));
  if (!parsed.dataExplorer.hasCommitments) warnings.push(`${files.dataExplorer.name} has no "commitments" column (older format): no commitment records`);
  progress({ phase: "plan", message: `${plan.records.length} records, ${plan.gdp.length} GDP rows, ${plan.weapons.length} weapons rows planned` });

  // 3. Compare with the release the dataset holds now.
  const fileHash = hashReleaseFiles(files);
  const [dataset, lastRun, oldRecords, source] = await Promise.all([
    db.dataset.findUnique({ where: { id: KIEL_DATASET_ID } }),
    db.importRun.findFirst({
      where: { datasetId: KIEL_DATASET_ID, outcome: "imported" },
      orderBy: [{ startedAt: "desc" }, { finishedAt: "desc" }],
    }),
    db.aidRecord.findMany({
      where: { datasetId: KIEL_DATASET_ID },
      select: { externalKey: true, donorCode: true, date: true, category: true, measure: true, amount: true },
    }),
    db.source.findUnique({ where: { id: meta.sourceId } }),
  ]);
  const change = diffReleases(
    dataset
      ? {
          label: dataset.name,
          sourceId: dataset.sourceId,
          records: oldRecords.map((r) => ({ ...r, month: isoFromDate(r.date).slice(0, 7) })),
        }
      : null,
    toDiffRecords(plan.records),
  );
  const unchanged =
    !!dataset &&
    !!lastRun &&
    !!source &&
    lastRun.fileHash === fileHash &&
    lastRun.release === meta.label &&
    lastRun.sourceId === meta.sourceId &&
    dataset.sourceId === meta.sourceId &&
    dataset.name === meta.label &&
    oldRecords.length === lastRun.recordCount &&
    (source.publishedAt ? isoFromDate(source.publishedAt) : null) === meta.publishedAt;
  const currentSource =
    dataset?.sourceId && dataset.sourceId !== meta.sourceId
      ? await db.source.findUnique({ where: { id: dataset.sourceId }, select: { publishedAt: true } })
      : source;
  const guard = checkReplacement({
    current: dataset
      ? {
          label: dataset.name,
          records: oldRecords.length,
          periodEnd: dataset.asOf
            ? isoFromDate(dataset.asOf).slice(0, 7)
            : oldRecords.reduce((m, r) => (isoFromDate(r.date) > m ? isoFromDate(r.date) : m), "").slice(0, 7),
          publishedAt: currentSource?.publishedAt ? isoFromDate(currentSource.publishedAt) : null,
        }
      : null,
    incoming: { label: meta.label, records: plan.records.length, periodEnd: meta.asOf.slice(0, 7), publishedAt: meta.publishedAt },
    removed: change.records.removed,
    overrides: { allowShrink: options.allowShrink, allowOlder: options.allowOlder },
  });
  for (const f of guard.findings) if (f.overridden) warnings.push(`accepted (${GUARD_OVERRIDE[f.rule].flag}): this import ${f.message}`);
  progress({ phase: "compare", message: unchanged ? "the dataset already holds this release" : "compared with the current release" });

  const fileNames = [files.dataExplorer, files.weapons, files.releaseInfo].filter((f): f is NonNullable<typeof f> => !!f).map((f) => f.name);
  const result = (outcome: ImportKielResult["outcome"], importRunId: string | null, finished: Date): ImportKielResult => ({
    outcome,
    dryRun,
    unchanged,
    importRunId,
    datasetId: KIEL_DATASET_ID,
    release: meta,
    fileHash,
    files: fileNames,
    summary: plan.summary,
    change,
    guard,
    warnings,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: Math.round(performance.now() - t0),
  });

  if (dryRun) {
    const r = result("dry-run", null, now());
    progress({ phase: "done", message: "dry run: nothing written" });
    return r;
  }

  if (guard.refused) throw new KielGuardError(guard);

  const importRunId = `import-${started.toISOString().replace(/[-:.]/g, "")}-${randomBytes(4).toString("hex")}`;
  // The audit row of this run; the same shape whether it replaced the release or found it unchanged.
  const importRunRow = (outcome: "imported" | "unchanged", recordCount: number, finishedAt: Date) => ({
    id: importRunId,
    datasetId: KIEL_DATASET_ID,
    release: meta.label,
    fileHash,
    startedAt: started,
    finishedAt,
    rowsRead: plan.summary.rowsRead,
    recordCount,
    outcome,
    summary: JSON.stringify({ outcome, release: meta, files: fileNames, summary: plan.summary, change, warnings }),
    sourceId: meta.sourceId,
  });

  if (unchanged) {
    const finished = now();
    await db.importRun.create({ data: importRunRow("unchanged", oldRecords.length, finished) });
    progress({ phase: "done", message: "unchanged: nothing replaced" });
    return result("unchanged", importRunId, finished);
  }

  // 4. Replace the release in one transaction.
  const stamp = now();
  const sourceData = {
    publisher: KIEL_PUBLISHER,
    title: meta.label,
    url: KIEL_URL,
    publishedAt: meta.publishedAt ? dateFromIso(meta.publishedAt) : null,
    retrievedAt: dateFromIso(isoFromDate(stamp)),
    releaseLabel: meta.label,
  };
  const datasetData = {
    name: meta.label,
    kind: "tracker",
    description: description(meta),
    asOf: dateFromIso(meta.asOf),
    sourceId: meta.sourceId,
  };
  let finished = stamp;
  await writeTransaction(
    db,
    async (tx) => {
      await tx.source.upsert({ where: { id: meta.sourceId }, create: { id: meta.sourceId, ...sourceData }, update: sourceData });
      if (plan.donorsToCreate.length) {
        const present = new Set(
          (await tx.donor.findMany({ where: { code: { in: plan.donorsToCreate.map((d) => d.code) } }, select: { code: true } })).map((d) => d.code),
        );
        const missing = plan.donorsToCreate.filter((d) => !present.has(d.code));
        if (missing.length) await tx.donor.createMany({ data: missing.map((d) => ({ code: d.code, name: d.name, groups: "" })) });
      }
      await tx.dataset.upsert({ where: { id: KIEL_DATASET_ID }, create: { id: KIEL_DATASET_ID, ...datasetData }, update: datasetData });

      await tx.aidRecordSource.deleteMany({ where: { aidRecord: { datasetId: KIEL_DATASET_ID } } });
      await tx.aidRecord.deleteMany({ where: { datasetId: KIEL_DATASET_ID } });
      await tx.donorGdp.deleteMany({ where: { datasetId: KIEL_DATASET_ID } });
      await tx.weaponsDelivery.deleteMany({ where: { datasetId: KIEL_DATASET_ID } });

      const total = plan.records.length;
      let done = 0;
      for (const chunk of chunks(plan.records, RECORD_CHUNK)) {
        await tx.aidRecord.createMany({
          data: chunk.map((r) => ({
            id: r.id,
            datasetId: KIEL_DATASET_ID,
            externalKey: r.externalKey,
            donorCode: r.donorCode,
            date: r.date,
            periodMonth: periodMonthOf(r.date),
            granularity: r.granularity,
            category: r.category,
            subcategory: null,
            measure: r.measure,
            amount: r.amount,
            currency: r.currency,
            notes: null,
            createdAt: stamp,
            updatedAt: stamp,
          })),
        });
        await tx.aidRecordSource.createMany({ data: chunk.map((r) => ({ aidRecordId: r.id, sourceId: meta.sourceId })) });
        done += chunk.length;
        progress({ phase: "write", message: `records ${done}/${total}`, done, total });
      }
      await refreshAidRollupTx(tx, { datasetId: KIEL_DATASET_ID });
      if (plan.gdp.length) {
        await tx.donorGdp.createMany({
          data: plan.gdp.map((g) => ({ datasetId: KIEL_DATASET_ID, donorCode: g.donorCode, gdpEur: g.gdpEur, sourceId: meta.sourceId })),
        });
      }
      if (plan.weapons.length) {
        await tx.weaponsDelivery.createMany({
          data: plan.weapons.map((w) => ({ ...w, datasetId: KIEL_DATASET_ID, sourceId: meta.sourceId })),
        });
      }
      finished = now();
      await tx.importRun.create({ data: importRunRow("imported", plan.records.length, finished) });
    },
    { timeoutMs: 120_000 },
  );
  progress({ phase: "done", message: `imported ${plan.records.length} records` });
  return result("imported", importRunId, finished);
}

export type ImportIfMissingResult = { imported: true; result: ImportKielResult } | { imported: false; reason: string };

/**
 * For startup: imports the release in `folder` only when the database has no
 * kiel-ust dataset holding records. A missing folder is not an error (the
 * reason says so); an invalid release is (KielValidationError).
 */
export async function importKielReleaseIfMissing(db: Db, folder: string, options: Omit<ImportKielOptions, "dryRun"> = {}): Promise<ImportIfMissingResult> {
  const count = await db.aidRecord.count({ where: { datasetId: KIEL_DATASET_ID } });
  if (count > 0) {
    const ds = await db.dataset.findUnique({ where: { id: KIEL_DATASET_ID }, select: { name: true } });
    return { imported: false, reason: `dataset ${KIEL_DATASET_ID} already holds ${count} records (${ds?.name ?? "unknown release"})` };
  }
  if (!fs.existsSync(folder)) return { imported: false, reason: `no Kiel release at ${folder}` };
  const result = await importKielRelease(db, readReleaseFolder(folder), { ...options, dryRun: false });
  return { imported: true, result };
}
