-- Version gains its text's measures (textLength, sectionCount) and the text moves to the last column, so
-- that reading a version's other columns no longer walks through the pages of its text.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Version" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "policyId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "publishedAt" DATETIME,
    "effectiveAt" DATETIME,
    "label" TEXT,
    "sourceUrl" TEXT,
    "originalFormat" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,
    "textLength" INTEGER NOT NULL,
    "sectionCount" INTEGER,
    "originalText" TEXT NOT NULL,
    CONSTRAINT "Version_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Backfill: textLength is LENGTH() of the text (SQLite counts characters, i.e. code points, up to the
-- first NUL; imported texts never contain NUL). sectionCount needs the parser: it stays NULL here and
-- `npm run db:migrate` measures those rows right after (lib/data/measures.ts, backfillMeasures).
INSERT INTO "new_Version" ("contentHash", "effectiveAt", "id", "importedAt", "key", "label", "note", "originalFormat", "originalText", "policyId", "publishedAt", "sourceUrl", "textLength") SELECT "contentHash", "effectiveAt", "id", "importedAt", "key", "label", "note", "originalFormat", "originalText", "policyId", "publishedAt", "sourceUrl", LENGTH("originalText") FROM "Version";
DROP TABLE "Version";
ALTER TABLE "new_Version" RENAME TO "Version";
CREATE INDEX "Version_policyId_publishedAt_importedAt_idx" ON "Version"("policyId", "publishedAt", "importedAt");
CREATE UNIQUE INDEX "Version_policyId_key_key" ON "Version"("policyId", "key");
CREATE UNIQUE INDEX "Version_policyId_contentHash_key" ON "Version"("policyId", "contentHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
