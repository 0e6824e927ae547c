import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";

/**
 * The aid endpoints measured, each with the same aggregation in raw SQL
 * (better-sqlite3, same database, same filters: the dataset, measure
 * "allocation", no donor filter so combined AGGREGATE figures are left out,
 * currency EUR — the SQL keeps the year so a caller could convert).
 */
export interface EndpointCase {
  label: string;
  path: string;
  /** The aggregation (or page) itself. */
  sql: (db: Database.Database) => void;
  /** The rest of what the response carries: the distinct sources of the selected records. */
  sources?: (db: Database.Database) => void;
}

const notAggregate = `a."donorCode" NOT IN (SELECT "code" FROM "Donor" WHERE "groups" LIKE '%AGGREGATE%')`;
const where = `a."datasetId" = ? AND a."measure" = 'allocation' AND ${notAggregate}`;

/** The distinct sources of the selected records (what every aggregate response cites). */
function distinctSources(db: Database.Database, dataset: string): void {
  db.prepare(
    `SELECT s.* FROM "Source" s WHERE s."id" IN (SELECT l."sourceId" FROM "AidRecord" a JOIN "AidRecordSource" l ON l."aidRecordId" = a."id" WHERE ${where})
      ORDER BY s."publishedAt", s."id"`,
  ).all(dataset);
}

function grouped(db: Database.Database, dataset: string, period: string): void {
  db.prepare(
    `SELECT ${period} AS p, a."category", a."currency", SUM(a."amount") AS t, COUNT(*) AS n
       FROM "AidRecord" a WHERE ${where} GROUP BY 1, 2, 3`,
  ).all(dataset);
  db.prepare(`SELECT MIN("date"), MAX("date") FROM "AidRecord" WHERE "datasetId" = ? AND "measure" = 'allocation'`).get(dataset);
}

function recordsPage(db: Database.Database, dataset: string, page: number): void {
  const rows = db
    .prepare(
      `SELECT a.*, d."name" AS "donorName" FROM "AidRecord" a JOIN "Donor" d ON d."code" = a."donorCode"
        WHERE ${where} ORDER BY a."date", a."donorCode", a."category", a."id" LIMIT 100 OFFSET ?`,
    )
    .all(dataset, (page - 1) * 100) as { id: string }[];
  db.prepare(`SELECT COUNT(*) FROM "AidRecord" a WHERE ${where}`).get(dataset);
  if (rows.length) {
    db.prepare(
      `SELECT l."aidRecordId", s.* FROM "AidRecordSource" l JOIN "Source" s ON s."id" = l."sourceId" WHERE l."aidRecordId" IN (${rows.map(() => "?").join(",")})`,
    ).all(...rows.map((r) => r.id));
  }
}

export function aidEndpointCases(dataset: string): EndpointCase[] {
  const q = `dataset=${encodeURIComponent(dataset)}`;
  return [
    {
      label: "summary",
      path: `/api/aid/summary?${q}`,
      sql: (db) => {
        db.prepare(
          `SELECT a."donorCode", a."category", a."currency", a."periodMonth", SUM(a."amount") AS t, COUNT(*) AS n
             FROM "AidRecord" a WHERE ${where} GROUP BY 1, 2, 3, 4`,
        ).all(dataset);
        db.prepare(`SELECT "donorCode", "gdpEur" FROM "DonorGdp" WHERE "datasetId" = ?`).all(dataset);
      },
      sources: (db) => distinctSources(db, dataset),
    },
    {
      label: "timeseries month",
      path: `/api/aid/timeseries?${q}&granularity=month`,
      sql: (db) => grouped(db, dataset, `a."periodMonth"`),
      sources: (db) => distinctSources(db, dataset),
    },
    {
      label: "timeseries quarter",
      path: `/api/aid/timeseries?${q}&granularity=quarter`,
      sql: (db) => grouped(db, dataset, `a."periodMonth" / 100 * 10 + (a."periodMonth" % 100 + 2) / 3`),
      sources: (db) => distinctSources(db, dataset),
    },
    {
      label: "timeseries year",
      path: `/api/aid/timeseries?${q}&granularity=year`,
      sql: (db) => grouped(db, dataset, `a."periodMonth" / 100`),
      sources: (db) => distinctSources(db, dataset),
    },
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
