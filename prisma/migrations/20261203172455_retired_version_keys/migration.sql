-- CreateTable
CREATE TABLE "RetiredVersionKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "policyId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "versionId" TEXT,
    "retiredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RetiredVersionKey_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RetiredVersionKey_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "Version" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RetiredVersionKey_versionId_idx" ON "RetiredVersionKey"("versionId");

-- CreateIndex
CREATE UNIQUE INDEX "RetiredVersionKey_policyId_key_key" ON "RetiredVersionKey"("policyId", "key");
