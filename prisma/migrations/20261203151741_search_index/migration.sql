-- Full-text search over every version's sections (docs/decisions/0016-search-and-feeds.md).
-- Written by hand: Prisma cannot express FTS5 virtual tables. These tables are "external" to Prisma
-- (prisma.config.ts tables.external, lib/search/tables.ts): schema.prisma does not list them and schema
-- diffs leave them alone. Rows are written by lib/data/search-index.ts in the transaction that writes the
-- version; deletions follow by themselves (foreign keys and the triggers below).

-- Row ids carry the grouping, so counting hits needs no join (lib/data/search-index.ts):
--   SearchSection.id = policy seq * 2^24 + group seq * 2^6 + variant (below 2^53, exact in JavaScript)
-- where a policy's seq is its SearchPolicy row, a group is one section key of one policy (SearchGroup)
-- and a variant one distinct text of that section. id >> 24 is the policy, id >> 6 the group.
CREATE TABLE "SearchPolicy" (
    "seq" INTEGER NOT NULL PRIMARY KEY,
    "policyId" TEXT NOT NULL,
    CONSTRAINT "SearchPolicy_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "SearchPolicy_policyId_key" ON "SearchPolicy"("policyId");

-- One row per section key of a policy: "key" is the section key (lib/compare/keys.ts), "ord" its
-- position where first seen, "variants" how many variant numbers it has handed out.
CREATE TABLE "SearchGroup" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "policyId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "ord" INTEGER NOT NULL,
    "variants" INTEGER NOT NULL,
    CONSTRAINT "SearchGroup_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "SearchGroup_policyId_key_idx" ON "SearchGroup"("policyId", "key");

-- One row per distinct section text of a policy: a section unchanged across versions is stored and
-- indexed once.
CREATE TABLE "SearchSection" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "policyId" TEXT NOT NULL,
    "groupId" INTEGER NOT NULL,
    "number" TEXT,
    "title" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "SearchSection_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SearchSection_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "SearchGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "SearchSection_policyId_hash_key" ON "SearchSection"("policyId", "hash");
CREATE INDEX "SearchSection_groupId_idx" ON "SearchSection"("groupId");

-- One row per section of a version: which section text it has at which position.
CREATE TABLE "SearchOccurrence" (
    "versionId" TEXT NOT NULL,
    "ord" INTEGER NOT NULL,
    "sectionId" INTEGER NOT NULL,
    PRIMARY KEY ("versionId", "ord"),
    CONSTRAINT "SearchOccurrence_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "Version" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SearchOccurrence_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "SearchSection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;
CREATE INDEX "SearchOccurrence_sectionId_idx" ON "SearchOccurrence"("sectionId");

-- Which versions are indexed, and by which parser and index rules (stale rows are indexed again).
CREATE TABLE "SearchIndexedVersion" (
    "versionId" TEXT NOT NULL PRIMARY KEY,
    "fingerprint" TEXT NOT NULL,
    CONSTRAINT "SearchIndexedVersion_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "Version" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Substrings of three or more characters: the folded section text (lib/search/fold.ts), trigrams.
-- Contentless (the text is in SearchSection), rowid = SearchSection.id.
CREATE VIRTUAL TABLE "SearchTrigram" USING fts5("text", tokenize = 'trigram', content = '', contentless_delete = 1);

-- Two-character terms: the distinct pairs of adjacent letters/digits of the folded text, one token
-- each (lib/search/fold.ts bigramsOf). A query is one token, so no positions are kept (detail=none).
CREATE VIRTUAL TABLE "SearchBigram" USING fts5("grams", tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1, detail = 'none');

-- A section text no version uses any more goes, and its index entries with it.
CREATE TRIGGER "SearchOccurrence_release" AFTER DELETE ON "SearchOccurrence"
WHEN NOT EXISTS (SELECT 1 FROM "SearchOccurrence" WHERE "sectionId" = old."sectionId")
BEGIN
    DELETE FROM "SearchSection" WHERE "id" = old."sectionId";
END;

CREATE TRIGGER "SearchSection_unindex" AFTER DELETE ON "SearchSection"
BEGIN
    DELETE FROM "SearchTrigram" WHERE "rowid" = old."id";
    DELETE FROM "SearchBigram" WHERE "rowid" = old."id";
END;
