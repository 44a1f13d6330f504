-- CreateTable
CREATE TABLE "WatchedSource" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "nextCheckAt" DATETIME NOT NULL,
    "leaseUntil" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastCheckAt" DATETIME,
    "failureCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WatchedSource_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SourceCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "policyId" TEXT NOT NULL,
    "checkedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
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
    CONSTRAINT "SourceCheck_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Snapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "policyId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "charset" TEXT,
    "size" INTEGER NOT NULL,
    "fetchedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "gzipped" BLOB NOT NULL,
    CONSTRAINT "Snapshot_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Webhook" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "policyId" TEXT,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Webhook_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "webhookId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastStatus" INTEGER,
    "lastError" TEXT,
    "nextAttemptAt" DATETIME NOT NULL,
    "leaseUntil" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" DATETIME,
    CONSTRAINT "WebhookDelivery_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
