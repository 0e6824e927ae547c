-- CreateTable
CREATE TABLE "ConflictDataset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "format" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "citation" TEXT NOT NULL,
    "licence" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "importedAt" DATETIME NOT NULL,
    "eventCount" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "ConflictEvent" (
    "datasetId" TEXT NOT NULL,
    "sourceEventId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "dayEnd" TEXT NOT NULL,
    "datePrecision" INTEGER NOT NULL,
    "precise" BOOLEAN NOT NULL,
    "country" TEXT NOT NULL,
    "admin1" TEXT NOT NULL,
    "admin2" TEXT,
    "location" TEXT,
    "latitude" REAL,
    "longitude" REAL,
    "geoPrecision" INTEGER,
    "eventType" TEXT NOT NULL,
    "subEventType" TEXT NOT NULL,
    "actor1" TEXT NOT NULL,
    "actor2" TEXT,
    "fatalities" INTEGER NOT NULL,
    "notes" TEXT,
    "source" TEXT,
    "isStrike" BOOLEAN NOT NULL,
    "isBattle" BOOLEAN NOT NULL,
    "isCrossBorder" BOOLEAN NOT NULL,

    PRIMARY KEY ("datasetId", "sourceEventId"),
    CONSTRAINT "ConflictEvent_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "ConflictDataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConflictDaily" (
    "datasetId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "admin1" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "subEventType" TEXT NOT NULL,
    "events" INTEGER NOT NULL,
    "fatalities" INTEGER NOT NULL,
    "preciseEvents" INTEGER NOT NULL,
    "strikeEvents" INTEGER NOT NULL,
    "strikeFatalities" INTEGER NOT NULL,
    "battleEvents" INTEGER NOT NULL,
    "battleFatalities" INTEGER NOT NULL,
    "crossBorderEvents" INTEGER NOT NULL,
    "crossBorderFatalities" INTEGER NOT NULL,

    PRIMARY KEY ("datasetId", "day", "country", "admin1", "eventType", "subEventType"),
    CONSTRAINT "ConflictDaily_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "ConflictDataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConflictDayTotal" (
    "datasetId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "events" INTEGER NOT NULL,
    "fatalities" INTEGER NOT NULL,
    "preciseEvents" INTEGER NOT NULL,
    "strikeEvents" INTEGER NOT NULL,
    "strikeFatalities" INTEGER NOT NULL,
    "battleEvents" INTEGER NOT NULL,
    "battleFatalities" INTEGER NOT NULL,
    "crossBorderEvents" INTEGER NOT NULL,
    "crossBorderFatalities" INTEGER NOT NULL,

    PRIMARY KEY ("datasetId", "day", "country", "eventType"),
    CONSTRAINT "ConflictDayTotal_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "ConflictDataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ConflictEvent_datasetId_country_day_idx" ON "ConflictEvent"("datasetId", "country", "day");

-- CreateIndex
CREATE INDEX "ConflictEvent_datasetId_day_fatalities_idx" ON "ConflictEvent"("datasetId", "day", "fatalities");

-- CreateIndex
CREATE INDEX "ConflictDaily_datasetId_admin1_day_idx" ON "ConflictDaily"("datasetId", "admin1", "day");

