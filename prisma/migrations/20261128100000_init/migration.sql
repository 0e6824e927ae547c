-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "publisher" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "publishedAt" DATETIME,
    "retrievedAt" DATETIME,
    "releaseLabel" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Donor" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "groups" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Dataset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "asOf" DATETIME,
    "sourceId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Dataset_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AidRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "datasetId" TEXT NOT NULL,
    "externalKey" TEXT NOT NULL,
    "donorCode" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
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

-- CreateTable
CREATE TABLE "AidRecordSource" (
    "aidRecordId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    PRIMARY KEY ("aidRecordId", "sourceId"),
    CONSTRAINT "AidRecordSource_aidRecordId_fkey" FOREIGN KEY ("aidRecordId") REFERENCES "AidRecord" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AidRecordSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "date" DATETIME NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "actors" TEXT NOT NULL DEFAULT '',
    "type" TEXT NOT NULL,
    "severity" INTEGER NOT NULL,
    "confidence" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "EventSource" (
    "eventId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    PRIMARY KEY ("eventId", "sourceId"),
    CONSTRAINT "EventSource_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Deployment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "date" DATETIME NOT NULL,
    "deployingCountry" TEXT NOT NULL,
    "hostCountry" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "forceType" TEXT NOT NULL,
    "personnelLow" INTEGER,
    "personnelHigh" INTEGER,
    "status" TEXT NOT NULL,
    "notes" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DeploymentSource" (
    "deploymentId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    PRIMARY KEY ("deploymentId", "sourceId"),
    CONSTRAINT "DeploymentSource_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeploymentSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FxRate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "quote" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER,
    "rate" REAL NOT NULL,
    "sourceId" TEXT NOT NULL,
    CONSTRAINT "FxRate_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DonorGdp" (
    "datasetId" TEXT NOT NULL,
    "donorCode" TEXT NOT NULL,
    "gdpEur" REAL NOT NULL,
    "sourceId" TEXT NOT NULL,

    PRIMARY KEY ("datasetId", "donorCode"),
    CONSTRAINT "DonorGdp_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DonorGdp_donorCode_fkey" FOREIGN KEY ("donorCode") REFERENCES "Donor" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DonorGdp_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WeaponsDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "datasetId" TEXT NOT NULL,
    "donorCode" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "valueEur" REAL NOT NULL,
    "weaponsList" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    CONSTRAINT "WeaponsDelivery_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WeaponsDelivery_donorCode_fkey" FOREIGN KEY ("donorCode") REFERENCES "Donor" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "WeaponsDelivery_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "datasetId" TEXT NOT NULL,
    "release" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME NOT NULL,
    "rowsRead" INTEGER NOT NULL,
    "recordCount" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    CONSTRAINT "ImportRun_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ImportRun_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "AidRecord_datasetId_measure_date_idx" ON "AidRecord"("datasetId", "measure", "date");

-- CreateIndex
CREATE INDEX "AidRecord_donorCode_idx" ON "AidRecord"("donorCode");

-- CreateIndex
CREATE UNIQUE INDEX "AidRecord_datasetId_externalKey_key" ON "AidRecord"("datasetId", "externalKey");

-- CreateIndex
CREATE INDEX "AidRecordSource_sourceId_idx" ON "AidRecordSource"("sourceId");

-- CreateIndex
CREATE INDEX "Event_date_idx" ON "Event"("date");

-- CreateIndex
CREATE INDEX "EventSource_sourceId_idx" ON "EventSource"("sourceId");

-- CreateIndex
CREATE INDEX "Deployment_date_idx" ON "Deployment"("date");

-- CreateIndex
CREATE INDEX "DeploymentSource_sourceId_idx" ON "DeploymentSource"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "FxRate_quote_year_month_key" ON "FxRate"("quote", "year", "month");

-- CreateIndex
CREATE UNIQUE INDEX "WeaponsDelivery_datasetId_donorCode_category_key" ON "WeaponsDelivery"("datasetId", "donorCode", "category");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

