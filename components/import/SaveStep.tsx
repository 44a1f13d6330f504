"use client";
/**
 * Step 2 of ./VersionForm.tsx: what was detected, pre-filled and editable, then "Save". The detection
 * is posted back with the form (hidden fields), so a refused save keeps this step on screen.
 */
import Link from "next/link";
import type { Messages } from "@/lib/i18n";
import { format } from "@/lib/i18n/format";
import type { DetectionView, FormState } from "@/lib/import/form-state";
import { warningMessage } from "@/lib/import/messages";
import { Field, FormAlert, inputClass, primaryButtonClass, textInput } from "./fields";

type M = Messages["importer"];

/** What the detect step found: title, where the date came from, listed dates, warnings, a duplicate. */
function DetectedSummary({ detection, m }: { detection: DetectionView; m: M }) {
  return (
    <section className="space-y-2 rounded-md border border-teal-200 bg-teal-50/50 p-4">
      <h2 className="font-semibold">{m.detectedTitle}</h2>
      <p className="text-sm text-stone-600">{m.detectedHint}</p>
      {detection.title ? (
        <p className="text-sm" data-testid="detected-title">
          {detection.title}
        </p>
      ) : null}
      <p className="text-sm text-stone-600">
        {detection.publishedFrom
          ? format(m.detectedFrom, { from: detection.publishedFrom === "text" ? m.fromText : m.fromFileName })
          : m.detectedNothing}
      </p>
      {detection.listedVersionDates.length > 0 ? (
        <p className="text-sm text-stone-600">
          {format(m.listedDates, { count: detection.listedVersionDates.length })}
        </p>
      ) : null}
      {detection.warnings.length > 0 ? (
        <ul className="list-inside list-disc text-xs text-stone-500" aria-label={m.warnings}>
          {detection.warnings.map((w) => (
            <li key={w.code}>{warningMessage(w, m)}</li>
          ))}
        </ul>
      ) : null}
      {detection.duplicateOf ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
          {format(m.duplicateWarning, { key: detection.duplicateOf.key })}{" "}
          <Link href={detection.duplicateOf.url}>{m.openMatch}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** A new policy's own fields (mode "create"); the name defaults to the detected title. */
function PolicyFields({ state, detection, m }: { state: FormState; detection: DetectionView; m: M }) {
  const errors = state.errors ?? {};
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label={m.slug} name="slug" errors={errors.slug} hint={m.slugHint}>
        {textInput("slug", state, "", {
          required: true,
          pattern: "[a-z0-9]+(-[a-z0-9]+)*",
          minLength: 2,
          maxLength: 63,
          autoComplete: "off",
        })}
      </Field>
      <Field label={m.name} name="name" errors={errors.name} hint={m.nameHint}>
        {textInput("name", state, detection.title)}
      </Field>
      <Field label={m.publisher} name="publisher" errors={errors.publisher}>
        {textInput("publisher", state, "")}
      </Field>
      <Field label={m.policySource} name="policySourceUrl" errors={errors.sourceUrl}>
        {textInput("policySourceUrl", state, detection.sourceUrl, { type: "url" })}
      </Field>
      <div className="sm:col-span-2">
        <Field label={m.description} name="description" errors={errors.description}>
          {textInput("description", state, "")}
        </Field>
      </div>
    </div>
  );
}

/**
 * The version's metadata, pre-filled with the detected dates and source. When creating a policy,
 * `sourceUrl` errors belong to the policy's URL field, so this field shows none.
 */
function VersionMetaFields({
  mode,
  state,
  detection,
  m,
}: {
  mode: "add" | "create";
  state: FormState;
  detection: DetectionView;
  m: M;
}) {
  const errors = state.errors ?? {};
  const date = { placeholder: "YYYY-MM-DD", inputMode: "numeric" };
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label={m.publishedAt} name="publishedAt" errors={errors.publishedAt}>
        {textInput("publishedAt", state, detection.publishedAt, date)}
      </Field>
      <Field label={m.effectiveAt} name="effectiveAt" errors={errors.effectiveAt}>
        {textInput("effectiveAt", state, detection.effectiveAt, date)}
      </Field>
      <Field label={m.label} name="label" errors={errors.label}>
        {textInput("label", state, "")}
      </Field>
      <Field label={m.versionSource} name="sourceUrl" errors={mode === "add" ? errors.sourceUrl : undefined}>
        {textInput("sourceUrl", state, detection.sourceUrl, { type: "url" })}
      </Field>
      <div className="sm:col-span-2">
        <Field label={m.note} name="note" errors={errors.note}>
          {textInput("note", state, "")}
        </Field>
      </div>
    </div>
  );
}

/** The extracted text, read-only: it is what will be stored. */
function TextPreview({ state, detection, m }: { state: FormState; detection: DetectionView; m: M }) {
  return (
    <Field
      label={format(m.preview, {
        count: detection.text.length.toLocaleString(),
        format: detection.format,
        encoding: detection.encoding,
      })}
      name="text"
      errors={state.errors?.text}
    >
      <textarea
        name="text"
        readOnly
        rows={12}
        value={detection.text}
        className={`${inputClass} bg-stone-50 font-mono text-xs`}
      />
    </Field>
  );
}

export function SaveStep({
  mode,
  slug,
  m,
  state,
  action,
  pending,
  detection,
  onStartOver,
}: {
  mode: "add" | "create";
  slug: string | undefined;
  m: M;
  state: FormState;
  action: (form: FormData) => void;
  pending: boolean;
  detection: DetectionView;
  onStartOver: () => void;
}) {
  const { text: _text, ...detectionMeta } = detection;
  return (
    <form key={`save-${state.nonce ?? 0}`} action={action} className="space-y-5" aria-label={m.detectedTitle}>
      <input type="hidden" name="mode" value={mode} />
      {mode === "add" && slug ? <input type="hidden" name="slug" value={slug} /> : null}
      <input type="hidden" name="format" value={detection.format} />
      <input type="hidden" name="listedVersionDates" value={JSON.stringify(detection.listedVersionDates)} />
      <input type="hidden" name="detection" value={JSON.stringify(detectionMeta)} />
      <DetectedSummary detection={detection} m={m} />
      {mode === "create" ? <PolicyFields state={state} detection={detection} m={m} /> : null}
      <VersionMetaFields mode={mode} state={state} detection={detection} m={m} />
      <TextPreview state={state} detection={detection} m={m} />
      <FormAlert state={state} m={m} />
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? m.saving : mode === "add" ? m.save : m.createSave}
        </button>
        <button type="button" onClick={onStartOver} className="text-sm text-stone-600 underline">
          {m.startOver}
        </button>
      </div>
    </form>
  );
}
