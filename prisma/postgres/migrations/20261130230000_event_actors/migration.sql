-- CreateTable
CREATE TABLE "EventActor" (
    "eventId" TEXT NOT NULL,
    "actorCode" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "EventActor_pkey" PRIMARY KEY ("eventId","actorCode")
);

-- Backfill: the comma-joined "Event"."actors" becomes one row per actor
-- (trimmed, upper-cased, empty items and repeats dropped, first position kept),
-- read before the column is dropped.
INSERT INTO "EventActor" ("eventId", "actorCode", "position")
SELECT "id", "code", min("ord")::INTEGER - 1
FROM (
    SELECT e."id", upper(btrim(a."item")) AS "code", a."ord"
    FROM "Event" e, unnest(string_to_array(e."actors", ',')) WITH ORDINALITY AS a("item", "ord")
) AS "items"
WHERE "code" <> ''
GROUP BY "id", "code";

-- AlterTable
ALTER TABLE "Event" DROP COLUMN "actors";

-- CreateIndex
CREATE INDEX "EventActor_actorCode_eventId_idx" ON "EventActor"("actorCode", "eventId");

-- AddForeignKey
ALTER TABLE "EventActor" ADD CONSTRAINT "EventActor_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

