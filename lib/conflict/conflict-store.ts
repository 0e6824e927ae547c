import type { SqlRunner } from "@/lib/import/aid/sql-runner";
import type { ConflictEventInput } from "./event";

/**
 * SQL of the conflict importer, written once for both backends (`?`
 * placeholders, quoted identifiers; see lib/import/aid/sql-runner.ts).
 * Rows go first into a temporary stage table, so that the whole file is
 * validated and its coverage known before any stored event is touched.
 */
const STAGE = "conflict_stage";
export const EVENT_COLUMNS = [
  "sourceEventId",
  "day",
  "dayEnd",
  "datePrecision",
  "precise",
  "country",
  "admin1",
  "admin2",
  "location",
  "latitude",
  "longitude",
  "geoPrecision",
  "eventType",
  "subEventType",
  "actor1",
  "actor2",
  "fatalities",
  "notes",
  "source",
  "isStrike",
  "isBattle",
  "isCrossBorder",
] as const;
const COLS = EVENT_COLUMNS.map((c) => `"${c}"`).join(", ");

export async function createStage(r: SqlRunner): Promise<void> {
  const bool = r.dialect === "postgresql" ? "BOOLEAN" : "INTEGER";
  const real = r.dialect === "postgresql" ? "DOUBLE PRECISION" : "REAL";
  await r.exec(`DROP TABLE IF EXISTS ${r.dialect === "sqlite" ? "temp." : ""}${STAGE}`);
  await r.exec(
    `CREATE TEMP TABLE ${STAGE} ("sourceEventId" TEXT NOT NULL, "day" TEXT NOT NULL, "dayEnd" TEXT NOT NULL, "datePrecision" INTEGER NOT NULL,
      "precise" ${bool} NOT NULL, "country" TEXT NOT NULL, "admin1" TEXT NOT NULL, "admin2" TEXT, "location" TEXT, "latitude" ${real},
      "longitude" ${real}, "geoPrecision" INTEGER, "eventType" TEXT NOT NULL, "subEventType" TEXT NOT NULL, "actor1" TEXT NOT NULL,
      "actor2" TEXT, "fatalities" INTEGER NOT NULL, "notes" TEXT, "source" TEXT, "isStrike" ${bool} NOT NULL, "isBattle" ${bool} NOT NULL,
      "isCrossBorder" ${bool} NOT NULL)${r.dialect === "postgresql" ? " ON COMMIT DROP" : ""}`,
  );
}

export async function dropStage(r: SqlRunner): Promise<void> {
  await r.exec(`DROP TABLE IF EXISTS ${r.dialect === "sqlite" ? "temp." : ""}${STAGE}`);
}

export function stageBatchSize(r: SqlRunner): number {
  const perStatement = Math.floor(r.maxParams / EVENT_COLUMNS.length);
  return r.dialect === "sqlite" ? Math.min(perStatement, 400) : perStatement;
}

export async function insertStage(r: SqlRunner, rows: ConflictEventInput[]): Promise<void> {
  if (!rows.length) return;
  const b = (v: boolean) => (r.dialect === "postgresql" ? v : v ? 1 : 0);
  const params: unknown[] = [];
  for (const e of rows) {
    params.push(
      e.sourceEventId,
      e.day,
      e.dayEnd,
      e.datePrecision,
      b(e.precise),
      e.country,
      e.admin1,
      e.admin2,
      e.location,
      e.latitude,
      e.longitude,
      e.geoPrecision,
      e.eventType,
      e.subEventType,
      e.actor1,
      e.actor2,
      e.fatalities,
      e.notes,
      e.source,
      b(e.isStrike),
      b(e.isBattle),
      b(e.isCrossBorder),
    );
  }
  await r.exec(`INSERT INTO ${STAGE} (${COLS}) VALUES ${rowsOf(rows.length, EVENT_COLUMNS.length)}`, params);
}

/**
 * What a revised export replaces: the dataset's events in the export's date
 * range for the countries it holds ("covers"), plus any event whose id the
 * export holds (an event the dataset moved to another day or country).
 */
function replacedWhere(countries: string[]): string {
  return `"datasetId" = ? AND (("country" IN (${marks(countries.length)}) AND "day" >= ? AND "day" <= ?)
    OR "sourceEventId" IN (SELECT "sourceEventId" FROM ${STAGE}))`;
}
const replacedParams = (datasetId: string, c: Coverage) => [datasetId, ...c.countries, c.from, c.to];

export interface Coverage {
  from: string;
  to: string;
  countries: string[];
}

export async function countChange(r: SqlRunner, datasetId: string, c: Coverage): Promise<{ replaced: number; matched: number }> {
  const [a] = await r.query<{ n: number | bigint }>(
    `SELECT COUNT(*) AS "n" FROM "ConflictEvent" WHERE ${replacedWhere(c.countries)}`,
    replacedParams(datasetId, c),
  );
  const [m] = await r.query<{ n: number | bigint }>(
    `SELECT COUNT(*) AS "n" FROM "ConflictEvent" e JOIN ${STAGE} s ON s."sourceEventId" = e."sourceEventId" WHERE e."datasetId" = ?`,
    [datasetId],
  );
  return { replaced: Number(a.n), matched: Number(m.n) };
}

export async function deleteCovered(r: SqlRunner, datasetId: string, c: Coverage): Promise<void> {
  await r.exec(`DELETE FROM "ConflictEvent" WHERE ${replacedWhere(c.countries)}`, replacedParams(datasetId, c));
}

export async function insertStagedEvents(r: SqlRunner, datasetId: string): Promise<void> {
  await r.exec(`INSERT INTO "ConflictEvent" ("datasetId", ${COLS}) SELECT ?, ${COLS} FROM ${STAGE}`, [datasetId]);
}

const SUMS = `COUNT(*), SUM("fatalities"),
  SUM(CASE WHEN "precise" THEN 1 ELSE 0 END),
  SUM(CASE WHEN "isStrike" THEN 1 ELSE 0 END), SUM(CASE WHEN "isStrike" THEN "fatalities" ELSE 0 END),
  SUM(CASE WHEN "isBattle" THEN 1 ELSE 0 END), SUM(CASE WHEN "isBattle" THEN "fatalities" ELSE 0 END),
  SUM(CASE WHEN "isCrossBorder" THEN 1 ELSE 0 END), SUM(CASE WHEN "isCrossBorder" THEN "fatalities" ELSE 0 END)`;
const MEASURE_LIST = [
  "events",
  "fatalities",
  "preciseEvents",
  "strikeEvents",
  "strikeFatalities",
  "battleEvents",
  "battleFatalities",
  "crossBorderEvents",
  "crossBorderFatalities",
] as const;
const MEASURES = MEASURE_LIST.map((m) => `"${m}"`).join(", ");
const RESUM = MEASURE_LIST.map((m) => `SUM("${m}")`).join(", ");

/**
 * The daily cells of the events the dataset keeps (those the export does not
 * cover), summed by the database: call it after deleteCovered and before the
 * export's events go in. The export's own cells are summed while the file is
 * read (DailyCells) and added with insertDailyCells; the two never share a cell,
 * because a kept event lies outside the export's days or countries.
 */
export async function rebuildKeptDaily(r: SqlRunner, datasetId: string): Promise<void> {
  await r.exec(`DELETE FROM "ConflictDayTotal" WHERE "datasetId" = ?`, [datasetId]);
  await r.exec(`DELETE FROM "ConflictDaily" WHERE "datasetId" = ?`, [datasetId]);
  await r.exec(
    `INSERT INTO "ConflictDaily" ("datasetId", "day", "country", "admin1", "eventType", "subEventType", ${MEASURES})
     SELECT "datasetId", "day", "country", "admin1", "eventType", "subEventType", ${SUMS}
       FROM "ConflictEvent" WHERE "datasetId" = ? GROUP BY "datasetId", "day", "country", "admin1", "eventType", "subEventType"`,
    [datasetId],
  );
}

/** The export's daily sums, collected row by row while the file is read (no GROUP BY over a million staged rows). */
export class DailyCells {
  private readonly cells = new Map<string, number[]>();
  add(e: ConflictEventInput): void {
    const key = `${e.day}\u0000${e.country}\u0000${e.admin1}\u0000${e.eventType}\u0000${e.subEventType}`;
    let c = this.cells.get(key);
    if (!c) this.cells.set(key, (c = [0, 0, 0, 0, 0, 0, 0, 0, 0]));
    const f = e.fatalities;
    c[0]++;
    c[1] += f;
    if (e.precise) c[2]++;
    if (e.isStrike) {
      c[3]++;
      c[4] += f;
    }
    if (e.isBattle) {
      c[5]++;
      c[6] += f;
    }
    if (e.isCrossBorder) {
      c[7]++;
      c[8] += f;
    }
  }
  get size(): number {
    return this.cells.size;
  }
  *rows(): Generator<[string, string, string, string, string, ...number[]]> {
    for (const [key, c] of this.cells) yield [...(key.split("\u0000") as [string, string, string, string, string]), ...c];
  }
}

export async function insertDailyCells(r: SqlRunner, datasetId: string, cells: DailyCells): Promise<void> {
  const cols = 6 + MEASURE_LIST.length;
  const size = Math.min(Math.floor(r.maxParams / cols), r.dialect === "sqlite" ? 500 : 4000);
  let params: unknown[] = [];
  let n = 0;
  const flush = async () => {
    if (!n) return;
    await r.exec(
      `INSERT INTO "ConflictDaily" ("datasetId", "day", "country", "admin1", "eventType", "subEventType", ${MEASURES}) VALUES ${rowsOf(n, cols)}`,
      params,
    );
    params = [];
    n = 0;
  };
  for (const row of cells.rows()) {
    params.push(datasetId, ...row);
    if (++n >= size) await flush();
  }
  await flush();
}

/** The coarse table from the fine one (a few hundred thousand cells, not the events). */
export async function rebuildDayTotals(r: SqlRunner, datasetId: string): Promise<void> {
  await r.exec(
    `INSERT INTO "ConflictDayTotal" ("datasetId", "day", "country", "eventType", ${MEASURES})
     SELECT "datasetId", "day", "country", "eventType", ${RESUM}
       FROM "ConflictDaily" WHERE "datasetId" = ? GROUP BY "datasetId", "day", "country", "eventType"`,
    [datasetId],
  );
}

export async function countEvents(r: SqlRunner, datasetId: string): Promise<number> {
  const [row] = await r.query<{ n: number | bigint }>(`SELECT COUNT(*) AS "n" FROM "ConflictEvent" WHERE "datasetId" = ?`, [datasetId]);
  return Number(row.n);
}

export async function findConflictDataset(r: SqlRunner, id: string): Promise<{ fileHash: string; eventCount: number } | null> {
  const rows = await r.query<{ fileHash: string; eventCount: number | bigint }>(`SELECT "fileHash", "eventCount" FROM "ConflictDataset" WHERE "id" = ?`, [id]);
  return rows[0] ? { fileHash: rows[0].fileHash, eventCount: Number(rows[0].eventCount) } : null;
}

export async function upsertConflictDataset(
  r: SqlRunner,
  d: { id: string; format: string; name: string; citation: string; licence: string; fileName: string; fileHash: string; importedAt: Date; eventCount: number },
): Promise<void> {
  await r.exec(
    `INSERT INTO "ConflictDataset" ("id", "format", "name", "citation", "licence", "fileName", "fileHash", "importedAt", "eventCount")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT ("id") DO UPDATE SET "name" = excluded."name", "citation" = excluded."citation", "licence" = excluded."licence",
       "fileName" = excluded."fileName", "fileHash" = excluded."fileHash", "importedAt" = excluded."importedAt", "eventCount" = excluded."eventCount"`,
    [d.id, d.format, d.name, d.citation, d.licence, d.fileName, d.fileHash, r.dateParam(d.importedAt), d.eventCount],
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
