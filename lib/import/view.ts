/**
 * What the import forms show, prepared on the server: the detect step's findings as a serialisable
 * view model, and links to stored versions. Framework-free.
 */
import { versionPath } from "../view/url.ts";
import type { Detection } from "./service.ts";

/** The detect step's findings as the form shows them; the duplicate comes with its link. */
export interface DetectionView extends Omit<Detection, "fields" | "contentHash" | "duplicateOf"> {
  duplicateOf: { key: string; url: string } | null;
}

type DetectionFields = Omit<DetectionView, "duplicateOf"> & { duplicateOf: { key: string } | null };

/**
 * The view model for a detection (fresh from detectVersion, or posted back by the form and validated
 * with postedDetectionSchema). Only the listed fields are kept; the duplicate's link is built here,
 * for the policy being added to (none when creating a policy).
 */
export function toDetectionView(d: DetectionFields, slug: string | null): DetectionView {
  return {
    text: d.text,
    format: d.format,
    encoding: d.encoding,
    title: d.title,
    publishedAt: d.publishedAt,
    effectiveAt: d.effectiveAt,
    publishedFrom: d.publishedFrom,
    listedVersionDates: d.listedVersionDates,
    warnings: d.warnings,
    sourceUrl: d.sourceUrl,
    duplicateOf: slug && d.duplicateOf ? { key: d.duplicateOf.key, url: versionPath(slug, d.duplicateOf.key) } : null,
  };
}
