-- CreateTable
CREATE TABLE "VersionStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "policyId" TEXT NOT NULL,
    "fromVersionId" TEXT NOT NULL,
    "toVersionId" TEXT NOT NULL,
    "compareKey" TEXT NOT NULL,
    "json" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VersionStep_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VersionStep_fromVersionId_fkey" FOREIGN KEY ("fromVersionId") REFERENCES "Version" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VersionStep_toVersionId_fkey" FOREIGN KEY ("toVersionId") REFERENCES "Version" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "VersionStep_policyId_idx" ON "VersionStep"("policyId");

-- CreateIndex
CREATE INDEX "VersionStep_toVersionId_idx" ON "VersionStep"("toVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "VersionStep_fromVersionId_toVersionId_key" ON "VersionStep"("fromVersionId", "toVersionId");
