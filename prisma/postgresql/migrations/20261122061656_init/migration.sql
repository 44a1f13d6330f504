-- CreateTable
CREATE TABLE "Policy" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "publisher" TEXT,
    "sourceUrl" TEXT,
    "description" TEXT,
    "knownVersionDates" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Version" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "effectiveAt" TIMESTAMP(3),
    "label" TEXT,
    "sourceUrl" TEXT,
    "originalFormat" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,
    "textLength" INTEGER NOT NULL,
    "sectionCount" INTEGER,
    "originalText" TEXT NOT NULL,

    CONSTRAINT "Version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompareCache" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "fromVersionId" TEXT,
    "toVersionId" TEXT,
    "json" TEXT NOT NULL,
    "size" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompareCache_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VersionStep" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "fromVersionId" TEXT NOT NULL,
    "toVersionId" TEXT NOT NULL,
    "compareKey" TEXT NOT NULL,
    "json" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VersionStep_pkey" PRIMARY KEY ("id")
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

-- CreateIndex
CREATE INDEX "CompareCache_lastUsedAt_idx" ON "CompareCache"("lastUsedAt");

-- CreateIndex
CREATE INDEX "VersionStep_policyId_idx" ON "VersionStep"("policyId");

-- CreateIndex
CREATE INDEX "VersionStep_toVersionId_idx" ON "VersionStep"("toVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "VersionStep_fromVersionId_toVersionId_key" ON "VersionStep"("fromVersionId", "toVersionId");

-- AddForeignKey
ALTER TABLE "Version" ADD CONSTRAINT "Version_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompareCache" ADD CONSTRAINT "CompareCache_fromVersionId_fkey" FOREIGN KEY ("fromVersionId") REFERENCES "Version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompareCache" ADD CONSTRAINT "CompareCache_toVersionId_fkey" FOREIGN KEY ("toVersionId") REFERENCES "Version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionStep" ADD CONSTRAINT "VersionStep_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionStep" ADD CONSTRAINT "VersionStep_fromVersionId_fkey" FOREIGN KEY ("fromVersionId") REFERENCES "Version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionStep" ADD CONSTRAINT "VersionStep_toVersionId_fkey" FOREIGN KEY ("toVersionId") REFERENCES "Version"("id") ON DELETE CASCADE ON UPDATE CASCADE;
