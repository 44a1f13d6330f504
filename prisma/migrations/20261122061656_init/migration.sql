-- CreateTable
CREATE TABLE "Policy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "publisher" TEXT,
    "sourceUrl" TEXT,
    "description" TEXT,
    "knownVersionDates" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Version" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "policyId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "publishedAt" DATETIME,
    "effectiveAt" DATETIME,
    "label" TEXT,
    "sourceUrl" TEXT,
    "originalText" TEXT NOT NULL,
    "originalFormat" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,
    CONSTRAINT "Version_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CompareCache" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "fromVersionId" TEXT,
    "toVersionId" TEXT,
    "json" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CompareCache_fromVersionId_fkey" FOREIGN KEY ("fromVersionId") REFERENCES "Version" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CompareCache_toVersionId_fkey" FOREIGN KEY ("toVersionId") REFERENCES "Version" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Policy_slug_key" ON "Policy"("slug");

-- CreateIndex
CREATE INDEX "Version_policyId_publishedAt_importedAt_idx" ON "Version"("policyId", "publishedAt", "importedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Version_policyId_key_key" ON "Version"("policyId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Version_policyId_contentHash_key" ON "Version"("policyId", "contentHash");

-- CreateIndex
CREATE UNIQUE INDEX "CompareCache_key_key" ON "CompareCache"("key");

-- CreateIndex
CREATE INDEX "CompareCache_fromVersionId_idx" ON "CompareCache"("fromVersionId");

-- CreateIndex
CREATE INDEX "CompareCache_toVersionId_idx" ON "CompareCache"("toVersionId");
