-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "retrievedAt" TIMESTAMP(3),
    "releaseLabel" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Donor" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "groups" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Donor_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Dataset" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "asOf" TIMESTAMP(3),
    "sourceId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Dataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AidRecord" (
    "id" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "externalKey" TEXT NOT NULL,
    "donorCode" TEXT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "periodMonth" INTEGER NOT NULL,
    "granularity" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "subcategory" TEXT,
    "measure" TEXT NOT NULL,
    "amount" DOUBLE PRECISION NOT NULL,
    "currency" TEXT NOT NULL,
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AidRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AidRecordSource" (
    "aidRecordId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "AidRecordSource_pkey" PRIMARY KEY ("aidRecordId","sourceId")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "actors" TEXT NOT NULL DEFAULT '',
    "type" TEXT NOT NULL,
    "severity" INTEGER NOT NULL,
    "confidence" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventSource" (
    "eventId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "EventSource_pkey" PRIMARY KEY ("eventId","sourceId")
);

-- CreateTable
CREATE TABLE "Deployment" (
    "id" TEXT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "deployingCountry" TEXT NOT NULL,
    "hostCountry" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "forceType" TEXT NOT NULL,
    "personnelLow" INTEGER,
    "personnelHigh" INTEGER,
    "status" TEXT NOT NULL,
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Deployment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeploymentSource" (
    "deploymentId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "DeploymentSource_pkey" PRIMARY KEY ("deploymentId","sourceId")
);

-- CreateTable
CREATE TABLE "FxRate" (
    "id" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER,
    "rate" DOUBLE PRECISION NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "FxRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DonorGdp" (
    "datasetId" TEXT NOT NULL,
    "donorCode" TEXT NOT NULL,
    "gdpEur" DOUBLE PRECISION NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "DonorGdp_pkey" PRIMARY KEY ("datasetId","donorCode")
);

-- CreateTable
CREATE TABLE "WeaponsDelivery" (
    "id" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "donorCode" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "valueEur" DOUBLE PRECISION NOT NULL,
    "weaponsList" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "WeaponsDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "release" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "rowsRead" INTEGER NOT NULL,
    "recordCount" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);
INSERT INTO "DataVersion" ("id", "version", "updatedAt") VALUES (1, 1, CURRENT_TIMESTAMP);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AidRecord_datasetId_measure_date_donorCode_category_id_idx" ON "AidRecord"("datasetId", "measure", "date", "donorCode", "category", "id");

-- CreateIndex
CREATE INDEX "AidRecord_datasetId_measure_periodMonth_donorCode_category__idx" ON "AidRecord"("datasetId", "measure", "periodMonth", "donorCode", "category", "currency", "amount");

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

-- AddForeignKey
ALTER TABLE "Dataset" ADD CONSTRAINT "Dataset_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AidRecord" ADD CONSTRAINT "AidRecord_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AidRecord" ADD CONSTRAINT "AidRecord_donorCode_fkey" FOREIGN KEY ("donorCode") REFERENCES "Donor"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AidRecordSource" ADD CONSTRAINT "AidRecordSource_aidRecordId_fkey" FOREIGN KEY ("aidRecordId") REFERENCES "AidRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AidRecordSource" ADD CONSTRAINT "AidRecordSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventSource" ADD CONSTRAINT "EventSource_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventSource" ADD CONSTRAINT "EventSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentSource" ADD CONSTRAINT "DeploymentSource_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentSource" ADD CONSTRAINT "DeploymentSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FxRate" ADD CONSTRAINT "FxRate_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DonorGdp" ADD CONSTRAINT "DonorGdp_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DonorGdp" ADD CONSTRAINT "DonorGdp_donorCode_fkey" FOREIGN KEY ("donorCode") REFERENCES "Donor"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DonorGdp" ADD CONSTRAINT "DonorGdp_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeaponsDelivery" ADD CONSTRAINT "WeaponsDelivery_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeaponsDelivery" ADD CONSTRAINT "WeaponsDelivery_donorCode_fkey" FOREIGN KEY ("donorCode") REFERENCES "Donor"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeaponsDelivery" ADD CONSTRAINT "WeaponsDelivery_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

