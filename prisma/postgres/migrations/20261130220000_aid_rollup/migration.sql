-- DropIndex
DROP INDEX "AidRecord_datasetId_measure_periodMonth_donorCode_category__idx";

-- CreateTable
CREATE TABLE "AidRollup" (
    "datasetId" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "periodMonth" INTEGER NOT NULL,
    "donorCode" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "granularity" TEXT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "subcategory" TEXT NOT NULL,
    "amount" DOUBLE PRECISION NOT NULL,
    "recordCount" INTEGER NOT NULL,

    CONSTRAINT "AidRollup_pkey" PRIMARY KEY ("datasetId","measure","periodMonth","donorCode","category","currency","granularity","date","subcategory")
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
    "date" TIMESTAMP(3) NOT NULL,
    "subcategory" TEXT NOT NULL,

    CONSTRAINT "AidRollupSource_pkey" PRIMARY KEY ("datasetId","measure","sourceId","periodMonth","donorCode","category","granularity","date","subcategory")
);

-- CreateIndex
CREATE INDEX "AidRecord_datasetId_measure_periodMonth_idx" ON "AidRecord"("datasetId", "measure", "periodMonth");

-- AddForeignKey
ALTER TABLE "AidRollup" ADD CONSTRAINT "AidRollup_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AidRollupSource" ADD CONSTRAINT "AidRollupSource_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AidRollupSource" ADD CONSTRAINT "AidRollupSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Backfill from the records already there: the statements of lib/aid/rollup.ts
-- (rollupStatements), for every dataset at once.
INSERT INTO "AidRollup" ("datasetId", "measure", "periodMonth", "donorCode", "category", "granularity", "date", "currency", "subcategory", "amount", "recordCount")
SELECT "datasetId", "measure", "periodMonth", "donorCode", "category", "granularity", "date", "currency", COALESCE("subcategory", ''), SUM("amount"), COUNT(*)
  FROM "AidRecord"
 GROUP BY "datasetId", "measure", "periodMonth", "donorCode", "category", "granularity", "date", "currency", COALESCE("subcategory", '');

INSERT INTO "AidRollupSource" ("datasetId", "measure", "periodMonth", "donorCode", "category", "granularity", "date", "subcategory", "sourceId")
SELECT DISTINCT a."datasetId", a."measure", a."periodMonth", a."donorCode", a."category", a."granularity", a."date", COALESCE(a."subcategory", ''), l."sourceId"
  FROM "AidRecord" a JOIN "AidRecordSource" l ON l."aidRecordId" = a."id";
