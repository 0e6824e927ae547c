-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "DataVersion" ("id", "version", "updatedAt") VALUES (1, 1, CURRENT_TIMESTAMP);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AidRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "datasetId" TEXT NOT NULL,
    "externalKey" TEXT NOT NULL,
    "donorCode" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "periodMonth" INTEGER NOT NULL,
    "granularity" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "subcategory" TEXT,
    "measure" TEXT NOT NULL,
    "amount" REAL NOT NULL,
    "currency" TEXT NOT NULL,
    "notes" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AidRecord_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AidRecord_donorCode_fkey" FOREIGN KEY ("donorCode") REFERENCES "Donor" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- periodMonth (YYYYMM) is backfilled from the ISO date text the adapter stores.
INSERT INTO "new_AidRecord" ("amount", "category", "createdAt", "currency", "datasetId", "date", "periodMonth", "donorCode", "externalKey", "granularity", "id", "measure", "notes", "subcategory", "updatedAt") SELECT "amount", "category", "createdAt", "currency", "datasetId", "date", CAST(substr("date", 1, 4) AS INTEGER) * 100 + CAST(substr("date", 6, 2) AS INTEGER), "donorCode", "externalKey", "granularity", "id", "measure", "notes", "subcategory", "updatedAt" FROM "AidRecord";
DROP TABLE "AidRecord";
ALTER TABLE "new_AidRecord" RENAME TO "AidRecord";
CREATE INDEX "AidRecord_datasetId_measure_date_donorCode_category_id_idx" ON "AidRecord"("datasetId", "measure", "date", "donorCode", "category", "id");
CREATE INDEX "AidRecord_datasetId_measure_periodMonth_donorCode_category_currency_amount_idx" ON "AidRecord"("datasetId", "measure", "periodMonth", "donorCode", "category", "currency", "amount");
CREATE INDEX "AidRecord_donorCode_idx" ON "AidRecord"("donorCode");
CREATE UNIQUE INDEX "AidRecord_datasetId_externalKey_key" ON "AidRecord"("datasetId", "externalKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

