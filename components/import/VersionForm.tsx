"use client";
/**
 * Adding a version (or creating a policy with its first version) in two steps:
 * 1. the source: paste, upload or URL -> "Detect" (server action) reads it through lib/ingest;
 * 2. what was detected (title, dates, the page's version list, the extracted text), pre-filled and
 *    editable -> "Save". A duplicate is named before saving and refused when saving.
 * The page passes the two server actions in (app/_import/actions.ts).
 */
import Link from "next/link";
import { useActionState, useState, type FormEvent } from "react";
import type { Messages } from "@/lib/i18n";
import { format } from "@/lib/i18n/format";
import { INGEST_CONFIG } from "@/lib/ingest/config";
import { initialFormState, type DetectionView, type FormAction, type FormState } from "@/lib/import/form-state";
import { Field, inputClass, textInput } from "./fields";

type M = Messages["importer"];
type SourceKind = "paste" | "upload" | "url";

function Alert({ state, m }: { state: FormState; m: M }) {
  if (state.status !== "error" || !state.message) return null;
  return (
    <div role="alert" className="space-y-1 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      <p>{state.message}</p>
      {state.detail && state.detail !== state.message ? <p className="text-xs text-red-800">{state.detail}</p> : null}
      {state.duplicate ? (
        <p>
          <Link href={state.duplicate.url}>
            {m.openMatch} {state.duplicate.key}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

export function VersionForm({
  mode,
  slug,
  m,
  detectAction,
  saveAction,
}: {
  mode: "add" | "create";
  slug?: string;
  m: M;
  detectAction: FormAction;
  /** Adds the version (mode "add") or creates the policy with it (mode "create"). */
  saveAction: FormAction;
}) {
  const [detected, detect, detecting] = useActionState<FormState, FormData>(detectAction, initialFormState);
  const [saved, save, saving] = useActionState<FormState, FormData>(saveAction, initialFormState);
  const [kind, setKind] = useState<SourceKind>("paste");
  const [localError, setLocalError] = useState<string | null>(null);
  const [hiddenBefore, setHiddenBefore] = useState(0);

  const fromSave =
    saved.detection && (saved.nonce ?? 0) > hiddenBefore && (saved.nonce ?? 0) > (detected.nonce ?? 0)
      ? saved.detection
      : null;
  const fromDetect = detected.status === "detected" && (detected.nonce ?? 0) > hiddenBefore ? detected.detection : null;
  const detection: DetectionView | null = fromSave ?? fromDetect ?? null;

  function checkSource(event: FormEvent<HTMLFormElement>) {
    setLocalError(null);
    const form = new FormData(event.currentTarget);
    if (kind === "upload") {
      const file = form.get("file");
      if (!(file instanceof File) || (file.size === 0 && file.name === "")) {
        event.preventDefault();
        setLocalError(m.chooseFile);
      } else if (file.size > INGEST_CONFIG.maxBytes) {
        event.preventDefault();
        setLocalError(m.fileTooLarge);
      }
    }
  }

  if (!detection) {
    const s = detected;
    const errors = s.errors ?? {};
    return (
      <form
        key={`detect-${s.nonce ?? 0}`}
        action={detect}
        onSubmit={checkSource}
        className="space-y-4"
        aria-label={m.source}
      >
        <input type="hidden" name="mode" value={mode} />
        {slug ? <input type="hidden" name="slug" value={slug} /> : null}
        <input type="hidden" name="sourceKind" value={kind} />
        <fieldset className="flex flex-wrap gap-4 text-sm">
          <legend className="mb-2 text-sm font-medium">{m.source}</legend>
          {(
            [
              ["paste", m.sourcePaste],
              ["upload", m.sourceUpload],
              ["url", m.sourceUrl],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-1.5">
              <input
                type="radio"
                name="kind"
                value={value}
                checked={kind === value}
                onChange={() => setKind(value)}
                className="accent-teal-700"
              />
              {label}
            </label>
          ))}
        </fieldset>
        <div hidden={kind !== "paste"}>
          <Field label={m.pasteLabel} name="text" errors={errors.text}>
            <textarea
              name="text"
              rows={14}
              defaultValue={s.values?.text ?? ""}
              aria-invalid={errors.text ? true : undefined}
              aria-describedby={errors.text ? "text-error" : undefined}
              className={`${inputClass} font-mono`}
            />
          </Field>
        </div>
        <div hidden={kind !== "upload"}>
          <Field label={m.uploadLabel} name="file" errors={localError ? [localError] : errors.file}>
            <input
              type="file"
              name="file"
              accept=".txt,.md,.markdown,.html,.htm,.docx,text/plain,text/html,text/markdown"
              className="block text-sm"
            />
          </Field>
        </div>
        <div hidden={kind !== "url"}>
          <Field label={m.urlLabel} name="url" errors={errors.url}>
            {textInput("url", s, "", { type: "url", placeholder: "https://", inputMode: "url" })}
          </Field>
        </div>
        <Alert
          state={s.errors?.text || s.errors?.url || s.errors?.file ? { ...s, message: s.detail ? s.message : null } : s}
          m={m}
        />
        <button
          type="submit"
          disabled={detecting}
          className="rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800 disabled:opacity-60"
        >
          {detecting ? m.detecting : m.detect}
        </button>
      </form>
    );
  }

  const s = saved.nonce && saved.nonce > hiddenBefore ? saved : initialFormState;
  const errors = s.errors ?? {};
  const { text, ...detectionMeta } = detection;
  return (
    <form key={`save-${s.nonce ?? 0}`} action={save} className="space-y-5" aria-label={m.detectedTitle}>
      <input type="hidden" name="mode" value={mode} />
      {mode === "add" && slug ? <input type="hidden" name="slug" value={slug} /> : null}
      <input type="hidden" name="format" value={detection.format} />
      <input type="hidden" name="listedVersionDates" value={JSON.stringify(detection.listedVersionDates)} />
      <input type="hidden" name="detection" value={JSON.stringify(detectionMeta)} />
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
              <li key={w}>{w}</li>
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

      {mode === "create" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={m.slug} name="slug" errors={errors.slug} hint={m.slugHint}>
            {textInput("slug", s, "", {
              required: true,
              pattern: "[a-z0-9]+(-[a-z0-9]+)*",
              minLength: 2,
              maxLength: 63,
              autoComplete: "off",
            })}
          </Field>
          <Field label={m.name} name="name" errors={errors.name} hint={m.nameHint}>
            {textInput("name", s, detection.title)}
          </Field>
          <Field label={m.publisher} name="publisher" errors={errors.publisher}>
            {textInput("publisher", s, "")}
          </Field>
          <Field label={m.policySource} name="policySourceUrl" errors={errors.sourceUrl}>
            {textInput("policySourceUrl", s, detection.sourceUrl, { type: "url" })}
          </Field>
          <div className="sm:col-span-2">
            <Field label={m.description} name="description" errors={errors.description}>
              {textInput("description", s, "")}
            </Field>
          </div>
        </div>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={m.publishedAt} name="publishedAt" errors={errors.publishedAt}>
          {textInput("publishedAt", s, detection.publishedAt, { placeholder: "YYYY-MM-DD", inputMode: "numeric" })}
        </Field>
        <Field label={m.effectiveAt} name="effectiveAt" errors={errors.effectiveAt}>
          {textInput("effectiveAt", s, detection.effectiveAt, { placeholder: "YYYY-MM-DD", inputMode: "numeric" })}
        </Field>
        <Field label={m.label} name="label" errors={errors.label}>
          {textInput("label", s, "")}
        </Field>
        <Field label={m.versionSource} name="sourceUrl" errors={mode === "add" ? errors.sourceUrl : undefined}>
          {textInput("sourceUrl", s, detection.sourceUrl, { type: "url" })}
        </Field>
        <div className="sm:col-span-2">
          <Field label={m.note} name="note" errors={errors.note}>
            {textInput("note", s, "")}
          </Field>
        </div>
      </div>

      <Field
        label={format(m.preview, {
          count: text.length.toLocaleString(),
          format: detection.format,
          encoding: detection.encoding,
        })}
        name="text"
        errors={errors.text}
      >
        <textarea
          name="text"
          readOnly
          rows={12}
          value={text}
          className={`${inputClass} bg-stone-50 font-mono text-xs`}
        />
      </Field>

      <Alert state={s} m={m} />
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={saving}
          className="rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800 disabled:opacity-60"
        >
          {saving ? m.saving : mode === "add" ? m.save : m.createSave}
        </button>
        <button
          type="button"
          onClick={() => setHiddenBefore(Math.max(detected.nonce ?? 0, saved.nonce ?? 0))}
          className="text-sm text-stone-600 underline"
        >
          {m.startOver}
        </button>
      </div>
    </form>
  );
}
