-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CompareCache" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "fromVersionId" TEXT,
    "toVersionId" TEXT,
    "json" TEXT NOT NULL,
    "size" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CompareCache_fromVersionId_fkey" FOREIGN KEY ("fromVersionId") REFERENCES "Version" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CompareCache_toVersionId_fkey" FOREIGN KEY ("toVersionId") REFERENCES "Version" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Existing rows: their size measured once, their last use taken as their creation.
INSERT INTO "new_CompareCache" ("createdAt", "fromVersionId", "id", "json", "key", "toVersionId", "size", "lastUsedAt") SELECT "createdAt", "fromVersionId", "id", "json", "key", "toVersionId", LENGTH("json"), "createdAt" FROM "CompareCache";
DROP TABLE "CompareCache";
ALTER TABLE "new_CompareCache" RENAME TO "CompareCache";
CREATE UNIQUE INDEX "CompareCache_key_key" ON "CompareCache"("key");
CREATE INDEX "CompareCache_fromVersionId_idx" ON "CompareCache"("fromVersionId");
CREATE INDEX "CompareCache_toVersionId_idx" ON "CompareCache"("toVersionId");
CREATE INDEX "CompareCache_lastUsedAt_idx" ON "CompareCache"("lastUsedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
