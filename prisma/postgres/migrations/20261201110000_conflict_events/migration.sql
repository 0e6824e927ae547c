-- CreateTable
CREATE TABLE "ConflictDataset" (
    "id" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "citation" TEXT NOT NULL,
    "licence" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL,
    "eventCount" INTEGER NOT NULL,

    CONSTRAINT "ConflictDataset_pkey" PRIMARY KEY ("id")
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
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
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

    CONSTRAINT "ConflictEvent_pkey" PRIMARY KEY ("datasetId","sourceEventId")
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

    CONSTRAINT "ConflictDaily_pkey" PRIMARY KEY ("datasetId","day","country","admin1","eventType","subEventType")
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

    CONSTRAINT "ConflictDayTotal_pkey" PRIMARY KEY ("datasetId","day","country","eventType")
);

-- CreateIndex
CREATE INDEX "ConflictEvent_datasetId_country_day_idx" ON "ConflictEvent"("datasetId", "country", "day");

-- CreateIndex
CREATE INDEX "ConflictEvent_datasetId_day_fatalities_idx" ON "ConflictEvent"("datasetId", "day", "fatalities");

-- CreateIndex
CREATE INDEX "ConflictDaily_datasetId_admin1_day_idx" ON "ConflictDaily"("datasetId", "admin1", "day");

-- AddForeignKey
ALTER TABLE "ConflictEvent" ADD CONSTRAINT "ConflictEvent_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "ConflictDataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDaily" ADD CONSTRAINT "ConflictDaily_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "ConflictDataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDayTotal" ADD CONSTRAINT "ConflictDayTotal_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "ConflictDataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

