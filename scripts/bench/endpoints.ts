import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";

/**
 * The aid endpoints measured, each with raw SQL on the same database
 * (better-sqlite3, same filters: the dataset, measure "allocation", no donor
 * filter so combined AGGREGATE figures are left out, currency EUR — the SQL
 * keeps the month so a caller could convert):
 * - `sql`: the same work the API does, in plain SQL: the grouped sums read from
 *   the rollup (AidRollup) and the distinct sources from AidRollupSource — the
 *   strict baseline the ratio is taken against;
 * - `recordsSql`: the same aggregation straight over the records, what the
 *   figure costs without the rollup (shown for scale, not a target).
 */
export interface EndpointCase {
  label: string;
  path: string;
  sql: (db: Database.Database) => void;
  recordsSql?: (db: Database.Database) => void;
}

const notAggregate = (t: string) => `${t}."donorCode" NOT IN (SELECT "code" FROM "Donor" WHERE "groups" LIKE '%AGGREGATE%')`;
const where = (t: string) => `${t}."datasetId" = ? AND ${t}."measure" = 'allocation' AND ${notAggregate(t)}`;

/** The distinct sources of the selected records, from the per-cell source rollup (what every aggregate response cites). */
function distinctSources(db: Database.Database, dataset: string): void {
  db.prepare(
    `SELECT s.* FROM "Source" s WHERE s."id" IN (SELECT r."sourceId" FROM "AidRollupSource" r WHERE ${where("r")})
      ORDER BY s."publishedAt", s."id"`,
  ).all(dataset);
}

function grouped(db: Database.Database, table: "AidRollup" | "AidRecord", dataset: string, period: string): void {
  const sum = table === "AidRollup" ? `SUM(a."amount"), SUM(a."recordCount")` : `SUM(a."amount"), COUNT(*)`;
  db.prepare(`SELECT ${period} AS p, a."category", a."currency", ${sum} FROM "${table}" a WHERE ${where("a")} GROUP BY 1, 2, 3`).all(dataset);
  db.prepare(`SELECT MIN("date"), MAX("date") FROM "AidRecord" WHERE "datasetId" = ? AND "measure" = 'allocation'`).get(dataset);
}

function summary(db: Database.Database, table: "AidRollup" | "AidRecord", dataset: string): void {
  const sum = table === "AidRollup" ? `SUM(a."amount"), SUM(a."recordCount")` : `SUM(a."amount"), COUNT(*)`;
  db.prepare(`SELECT a."donorCode", a."category", a."currency", a."periodMonth", ${sum} FROM "${table}" a WHERE ${where("a")} GROUP BY 1, 2, 3, 4`).all(
    dataset,
  );
  db.prepare(`SELECT "donorCode", "gdpEur" FROM "DonorGdp" WHERE "datasetId" = ?`).all(dataset);
}

function recordsPage(db: Database.Database, dataset: string, page: number): void {
  const ids = db
    .prepare(`SELECT a."id" FROM "AidRecord" a WHERE ${where("a")} ORDER BY a."date", a."donorCode", a."category", a."id" LIMIT 100 OFFSET ?`)
    .all(dataset, (page - 1) * 100) as { id: string }[];
  db.prepare(`SELECT SUM(r."recordCount") FROM "AidRollup" r WHERE ${where("r")}`).get(dataset);
  if (ids.length) {
    const marks = ids.map(() => "?").join(",");
    db.prepare(`SELECT a.*, d."name" AS "donorName" FROM "AidRecord" a JOIN "Donor" d ON d."code" = a."donorCode" WHERE a."id" IN (${marks})`).all(
      ...ids.map((r) => r.id),
    );
    db.prepare(`SELECT l."aidRecordId", s.* FROM "AidRecordSource" l JOIN "Source" s ON s."id" = l."sourceId" WHERE l."aidRecordId" IN (${marks})`).all(
      ...ids.map((r) => r.id),
    );
  }
}

const QUARTER = `a."periodMonth" / 100 * 10 + (a."periodMonth" % 100 + 2) / 3`;

export function aidEndpointCases(dataset: string): EndpointCase[] {
  const q = `dataset=${encodeURIComponent(dataset)}`;
  const series = (label: string, granularity: string, period: string): EndpointCase => ({
    label,
    path: `/api/aid/timeseries?${q}&granularity=${granularity}`,
    sql: (db) => (grouped(db, "AidRollup", dataset, period), distinctSources(db, dataset)),
    recordsSql: (db) => grouped(db, "AidRecord", dataset, period),
  });
  return [
    {
      label: "summary",
      path: `/api/aid/summary?${q}`,
      sql: (db) => (summary(db, "AidRollup", dataset), distinctSources(db, dataset)),
      recordsSql: (db) => summary(db, "AidRecord", dataset),
    },
    series("timeseries month", "month", `a."periodMonth"`),
    series("timeseries quarter", "quarter", QUARTER),
    series("timeseries year", "year", `a."periodMonth" / 100`),
    { label: "records page 1", path: `/api/aid/records?${q}&page=1`, sql: (db) => recordsPage(db, dataset, 1) },
    { label: "records page 5000", path: `/api/aid/records?${q}&page=5000`, sql: (db) => recordsPage(db, dataset, 5000) },
  ];
}

/** /api/weapons belongs to the tracker dataset (the synthetic one has no weapons rows). */
export function weaponsCase(dataset: string): EndpointCase {
  return {
    label: `weapons (${dataset})`,
    path: `/api/weapons?dataset=${encodeURIComponent(dataset)}`,
    sql: (db) => {
      db.prepare(
        `SELECT w.*, d."name" FROM "WeaponsDelivery" w JOIN "Donor" d ON d."code" = w."donorCode" WHERE w."datasetId" = ? ORDER BY w."valueEur" DESC`,
      ).all(dataset);
    },
  };
}

/** Aid route folders (app/api/aid/*) with a GET handler, so the report can say which are not measured. */
export function listAidRoutes(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) visit(path.join(dir, e.name), `${rel}/${e.name}`);
      else if (e.name === "route.ts" && /export const GET|export async function GET/.test(fs.readFileSync(path.join(dir, e.name), "utf8"))) out.push(rel);
    }
  };
  visit(path.join(root, "app", "api", "aid"), "/api/aid");
  return out.sort();
}
