-- DropIndex
DROP INDEX "AidRecord_datasetId_measure_periodMonth_donorCode_category_currency_amount_idx";

-- CreateTable
CREATE TABLE "AidRollup" (
    "datasetId" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "periodMonth" INTEGER NOT NULL,
    "donorCode" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "granularity" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "subcategory" TEXT NOT NULL,
    "amount" REAL NOT NULL,
    "recordCount" INTEGER NOT NULL,

    PRIMARY KEY ("datasetId", "measure", "periodMonth", "donorCode", "category", "currency", "granularity", "date", "subcategory"),
    CONSTRAINT "AidRollup_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AidRollupSource" (
    "datasetId" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "periodMonth" INTEGER NOT NULL,
    "donorCode" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "granularity" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "subcategory" TEXT NOT NULL,

    PRIMARY KEY ("datasetId", "measure", "sourceId", "periodMonth", "donorCode", "category", "granularity", "date", "subcategory"),
    CONSTRAINT "AidRollupSource_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AidRollupSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AidRecord_datasetId_measure_periodMonth_idx" ON "AidRecord"("datasetId", "measure", "periodMonth");


-- Backfill from the records already there: the statements of lib/aid/rollup.ts
-- (rollupStatements), for every dataset at once.
INSERT INTO "AidRollup" ("datasetId", "measure", "periodMonth", "donorCode", "category", "granularity", "date", "currency", "subcategory", "amount", "recordCount")
SELECT "datasetId", "measure", "periodMonth", "donorCode", "category", "granularity", "date", "currency", COALESCE("subcategory", ''), SUM("amount"), COUNT(*)
  FROM "AidRecord"
 GROUP BY "datasetId", "measure", "periodMonth", "donorCode", "category", "granularity", "date", "currency", COALESCE("subcategory", '');

INSERT INTO "AidRollupSource" ("datasetId", "measure", "periodMonth", "donorCode", "category", "granularity", "date", "subcategory", "sourceId")
SELECT DISTINCT a."datasetId", a."measure", a."periodMonth", a."donorCode", a."category", a."granularity", a."date", COALESCE(a."subcategory", ''), l."sourceId"
  FROM "AidRecord" a JOIN "AidRecordSource" l ON l."aidRecordId" = a."id";
