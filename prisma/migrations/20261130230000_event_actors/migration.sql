-- CreateTable
CREATE TABLE "EventActor" (
    "eventId" TEXT NOT NULL,
    "actorCode" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("eventId", "actorCode"),
    CONSTRAINT "EventActor_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Backfill: the comma-joined "Event"."actors" becomes one row per actor
-- (trimmed, upper-cased, empty items and repeats dropped, first position kept),
-- read before the rebuild below drops the column.
WITH RECURSIVE "split" ("eventId", "item", "rest", "position") AS (
    SELECT "id", NULL, "actors" || ',', -1 FROM "Event"
    UNION ALL
    SELECT "eventId", substr("rest", 1, instr("rest", ',') - 1), substr("rest", instr("rest", ',') + 1), "position" + 1
    FROM "split" WHERE "rest" <> ''
)
INSERT INTO "EventActor" ("eventId", "actorCode", "position")
SELECT "eventId", upper(trim("item")), min("position") FROM "split"
WHERE "item" IS NOT NULL AND trim("item") <> ''
GROUP BY "eventId", upper(trim("item"));

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "date" DATETIME NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "severity" INTEGER NOT NULL,
    "confidence" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Event" ("confidence", "createdAt", "date", "id", "severity", "summary", "title", "type", "updatedAt") SELECT "confidence", "createdAt", "date", "id", "severity", "summary", "title", "type", "updatedAt" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE INDEX "Event_date_idx" ON "Event"("date");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "EventActor_actorCode_eventId_idx" ON "EventActor"("actorCode", "eventId");

