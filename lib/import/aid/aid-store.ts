import { periodMonthOf } from "@/lib/aid/period-month";
import { dateFromIso, isoFromDate } from "@/lib/domain/common-schemas";
import { aidRecordId } from "@/lib/seed/load-seed";
import type { RecordContent } from "@/lib/import/aid/keys";
import type { AidCsvRecord, AidCsvSource } from "@/lib/import/aid/row-schema";
import type { SqlRunner } from "@/lib/import/aid/sql-runner";

/** SQL of the aid importer. Every function takes the runner of the current transaction (or the reader). */

export interface DatasetRow {
  id: string;
  name: string;
  kind: string;
}

export async function findDataset(r: SqlRunner, id: string): Promise<DatasetRow | null> {
  const rows = await r.query<DatasetRow>(`SELECT "id", "name", "kind" FROM "Dataset" WHERE "id" = ?`, [id]);
  return rows[0] ?? null;
}

export async function findKnownDonors(r: SqlRunner, codes: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (const part of chunk(codes, 500)) {
    const rows = await r.query<{ code: string }>(`SELECT "code" FROM "Donor" WHERE "code" IN (${marks(part.length)})`, part);
    for (const row of rows) known.add(row.code);
  }
  return known;
}

/** Every donor code (a few hundred): a single-pass import checks each row against them. */
export async function allDonorCodes(r: SqlRunner): Promise<Set<string>> {
  const rows = await r.query<{ code: string }>(`SELECT "code" FROM "Donor"`);
  return new Set(rows.map((row) => row.code));
}

/** URL → id of an existing source with that URL (the smallest id when several share it). */
export async function findSourcesByUrl(r: SqlRunner, urls: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunk(urls, 500)) {
    const rows = await r.query<{ id: string; url: string }>(
      `SELECT MIN("id") AS "id", "url" FROM "Source" WHERE "url" IN (${marks(part.length)}) GROUP BY "url"`,
      part,
    );
    for (const row of rows) found.set(row.url, row.id);
  }
  return found;
}

export async function countRecords(r: SqlRunner, datasetId: string): Promise<number> {
  const rows = await r.query<{ n: number | bigint }>(`SELECT COUNT(*) AS "n" FROM "AidRecord" WHERE "datasetId" = ?`, [datasetId]);
  return Number(rows[0]?.n ?? 0);
}

const PAGE = 5000;

/** Visits every record of a dataset with its content, in pages ordered by key (flat memory). */
export async function forEachRecord(r: SqlRunner, datasetId: string, visit: (key: string, content: RecordContent) => void): Promise<void> {
  const urls =
    r.dialect === "postgresql"
      ? `(SELECT string_agg(s."url", E'\\n') FROM "AidRecordSource" l JOIN "Source" s ON s."id" = l."sourceId" WHERE l."aidRecordId" = a."id")`
      : `(SELECT group_concat(s."url", char(10)) FROM "AidRecordSource" l JOIN "Source" s ON s."id" = l."sourceId" WHERE l."aidRecordId" = a."id")`;
  let after = "";
  for (;;) {
    const rows = await r.query<{
      externalKey: string;
      donorCode: string;
      date: string | Date;
      granularity: string;
      category: string;
      subcategory: string | null;
      measure: string;
      amount: number;
      currency: string;
      notes: string | null;
      urls: string | null;
    }>(
      `SELECT a."externalKey", a."donorCode", a."date", a."granularity", a."category", a."subcategory", a."measure", a."amount",
              a."currency", a."notes", ${urls} AS "urls"
         FROM "AidRecord" a WHERE a."datasetId" = ? AND a."externalKey" > ? ORDER BY a."externalKey" LIMIT ${PAGE}`,
      [datasetId, after],
    );
    for (const row of rows) {
      visit(row.externalKey, {
        date: row.date instanceof Date ? isoFromDate(row.date) : String(row.date).slice(0, 10),
        donorCode: row.donorCode,
        granularity: row.granularity,
        category: row.category,
        subcategory: row.subcategory,
        measure: row.measure,
        amount: Number(row.amount),
        currency: row.currency,
        notes: row.notes,
        sourceUrls: row.urls ? row.urls.split("\n") : [],
      });
    }
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].externalKey;
  }
}

/** Creates the dataset (kind "analyst") or renames it. */
export async function upsertDataset(r: SqlRunner, d: { id: string; name: string; description: string; now: Date }): Promise<void> {
  const now = r.dateParam(d.now);
  await r.exec(
    `INSERT INTO "Dataset" ("id", "name", "kind", "description", "createdAt", "updatedAt") VALUES (?, ?, 'analyst', ?, ?, ?)
     ON CONFLICT ("id") DO UPDATE SET "name" = excluded."name", "updatedAt" = excluded."updatedAt"`,
    [d.id, d.name, d.description, now, now],
  );
}

/** Inserts sources that do not exist yet (by id). */
export async function insertSources(r: SqlRunner, sources: (AidCsvSource & { id: string })[], now: Date): Promise<void> {
  const cols = 5;
  for (const part of chunk(sources, Math.floor(r.maxParams / cols))) {
    const params: unknown[] = [];
    for (const s of part) params.push(s.id, s.publisher, s.title ?? s.url, s.url, r.dateParam(now));
    await r.exec(
      `INSERT INTO "Source" ("id", "publisher", "title", "url", "createdAt") VALUES ${rowsOf(part.length, cols)} ON CONFLICT ("id") DO NOTHING`,
      params,
    );
  }
}

export async function deleteAllRecords(r: SqlRunner, datasetId: string): Promise<void> {
  await r.exec(`DELETE FROM "AidRecordSource" WHERE "aidRecordId" IN (SELECT "id" FROM "AidRecord" WHERE "datasetId" = ?)`, [datasetId]);
  await r.exec(`DELETE FROM "AidRecord" WHERE "datasetId" = ?`, [datasetId]);
}

export async function deleteRecordsByKey(r: SqlRunner, datasetId: string, keys: string[]): Promise<void> {
  if (!keys.length) return;
  const list = marks(keys.length);
  await r.exec(`DELETE FROM "AidRecordSource" WHERE "aidRecordId" IN (SELECT "id" FROM "AidRecord" WHERE "datasetId" = ? AND "externalKey" IN (${list}))`, [
    datasetId,
    ...keys,
  ]);
  await r.exec(`DELETE FROM "AidRecord" WHERE "datasetId" = ? AND "externalKey" IN (${list})`, [datasetId, ...keys]);
}

/** The (measure, month) slices the records with these keys sit in (before they are replaced). */
export async function slicesOfKeys(r: SqlRunner, datasetId: string, keys: string[]): Promise<{ measure: string; periodMonth: number }[]> {
  const rows = await r.query<{ measure: string; periodMonth: number | bigint }>(
    `SELECT DISTINCT "measure", "periodMonth" FROM "AidRecord" WHERE "datasetId" = ? AND "externalKey" IN (${marks(keys.length)})`,
    [datasetId, ...keys],
  );
  return rows.map((x) => ({ measure: x.measure, periodMonth: Number(x.periodMonth) }));
}

export interface RecordToWrite {
  key: string;
  record: AidCsvRecord;
  sourceIds: string[];
}

const RECORD_COLS = 15;

/** Multi-row INSERTs of records and their source links, in chunks within the parameter limit. */
export async function insertRecords(r: SqlRunner, datasetId: string, rows: RecordToWrite[], now: Date): Promise<void> {
  const stamp = r.dateParam(now);
  // A dataset has few distinct dates: convert each once.
  const dates = new Map<string, { value: unknown; periodMonth: number }>();
  const dateOf = (iso: string) => {
    let d = dates.get(iso);
    if (!d) {
      const date = dateFromIso(iso);
      d = { value: r.dateParam(date), periodMonth: periodMonthOf(date) };
      if (dates.size < 10_000) dates.set(iso, d);
    }
    return d;
  };
  const perStatement = Math.floor(r.maxParams / RECORD_COLS);
  const size = r.dialect === "sqlite" ? Math.min(perStatement, 500) : perStatement;
  for (const part of chunk(rows, size)) {
    const params: unknown[] = [];
    const links: unknown[] = [];
    for (const { key, record: x, sourceIds } of part) {
      const id = aidRecordId(datasetId, key);
      const date = dateOf(x.date);
      params.push(
        id,
        datasetId,
        key,
        x.donorCode,
        date.value,
        date.periodMonth,
        x.granularity,
        x.category,
        x.subcategory,
        x.measure,
        x.amount,
        x.currency,
        x.notes,
        stamp,
        stamp,
      );
      for (const s of sourceIds) links.push(id, s);
    }
    await r.exec(
      `INSERT INTO "AidRecord" ("id", "datasetId", "externalKey", "donorCode", "date", "periodMonth", "granularity", "category",
        "subcategory", "measure", "amount", "currency", "notes", "createdAt", "updatedAt") VALUES ${rowsOf(part.length, RECORD_COLS)}`,
      params,
    );
    for (const l of chunk(links, Math.floor(r.maxParams / 2) * 2)) {
      await r.exec(`INSERT INTO "AidRecordSource" ("aidRecordId", "sourceId") VALUES ${rowsOf(l.length / 2, 2)}`, l);
    }
  }
}

export interface ImportRunRow {
  id: string;
  datasetId: string;
  release: string;
  fileHash: string;
  startedAt: Date;
  finishedAt: Date;
  rowsRead: number;
  recordCount: number;
  outcome: "imported" | "unchanged";
  summary: string;
  sourceId: string;
}

export async function insertImportRun(r: SqlRunner, run: ImportRunRow): Promise<void> {
  await r.exec(
    `INSERT INTO "ImportRun" ("id", "datasetId", "release", "fileHash", "startedAt", "finishedAt", "rowsRead", "recordCount", "outcome", "summary", "sourceId")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      run.id,
      run.datasetId,
      run.release,
      run.fileHash,
      r.dateParam(run.startedAt),
      r.dateParam(run.finishedAt),
      run.rowsRead,
      run.recordCount,
      run.outcome,
      run.summary,
      run.sourceId,
    ],
  );
}

function marks(n: number): string {
  return Array.from({ length: n }, () => "?").join(", ");
}

const rowCache = new Map<string, string>();
function rowsOf(n: number, cols: number): string {
  const k = `${n}x${cols}`;
  let s = rowCache.get(k);
  if (!s) {
    const one = `(${marks(cols)})`;
    s = Array.from({ length: n }, () => one).join(", ");
    rowCache.set(k, s);
  }
  return s;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
