-- CreateTable
CREATE TABLE "WatchedSource" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "intervalMinutes" INTEGER NOT NULL,
    "selector" TEXT,
    "startMarker" TEXT,
    "endMarker" TEXT,
    "versionUrlTemplate" TEXT,
    "extractionKey" TEXT NOT NULL,
    "baselineTextHash" TEXT,
    "etag" TEXT,
    "lastModified" TEXT,
    "nextCheckAt" TIMESTAMP(3) NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastCheckAt" TIMESTAMP(3),
    "failureCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WatchedSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceCheck" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "url" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "httpStatus" INTEGER,
    "bytes" INTEGER,
    "snapshotHash" TEXT,
    "textHash" TEXT,
    "outcome" TEXT NOT NULL,
    "errorCode" TEXT,
    "reason" TEXT,
    "versionKey" TEXT,
    "durationMs" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SourceCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Snapshot" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "charset" TEXT,
    "size" INTEGER NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "gzipped" BYTEA NOT NULL,

    CONSTRAINT "Snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Webhook" (
    "id" TEXT NOT NULL,
    "policyId" TEXT,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Webhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastStatus" INTEGER,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetiredVersionKey" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "versionId" TEXT,
    "retiredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RetiredVersionKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WatchedSource_policyId_key" ON "WatchedSource"("policyId");

-- CreateIndex
CREATE INDEX "WatchedSource_nextCheckAt_idx" ON "WatchedSource"("nextCheckAt");

-- CreateIndex
CREATE INDEX "WatchedSource_host_idx" ON "WatchedSource"("host");

-- CreateIndex
CREATE INDEX "SourceCheck_policyId_checkedAt_idx" ON "SourceCheck"("policyId", "checkedAt");

-- CreateIndex
CREATE INDEX "Snapshot_policyId_fetchedAt_idx" ON "Snapshot"("policyId", "fetchedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Snapshot_policyId_hash_key" ON "Snapshot"("policyId", "hash");

-- CreateIndex
CREATE INDEX "Webhook_policyId_idx" ON "Webhook"("policyId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_webhookId_createdAt_idx" ON "WebhookDelivery"("webhookId", "createdAt");

-- CreateIndex
CREATE INDEX "RetiredVersionKey_versionId_idx" ON "RetiredVersionKey"("versionId");

-- CreateIndex
CREATE UNIQUE INDEX "RetiredVersionKey_policyId_key_key" ON "RetiredVersionKey"("policyId", "key");

-- AddForeignKey
ALTER TABLE "WatchedSource" ADD CONSTRAINT "WatchedSource_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceCheck" ADD CONSTRAINT "SourceCheck_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Snapshot" ADD CONSTRAINT "Snapshot_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Webhook" ADD CONSTRAINT "Webhook_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetiredVersionKey" ADD CONSTRAINT "RetiredVersionKey_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetiredVersionKey" ADD CONSTRAINT "RetiredVersionKey_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "Version"("id") ON DELETE SET NULL ON UPDATE CASCADE;
