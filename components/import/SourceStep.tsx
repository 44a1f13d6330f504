"use client";
/** Step 1 of ./VersionForm.tsx: where the text comes from (paste, upload or URL), then "Detect". */
import { useState, type FormEvent } from "react";
import type { Messages } from "@/lib/i18n";
import { INGEST_CONFIG } from "@/lib/ingest/config";
import type { FormState } from "@/lib/import/form-state";
import { Field, FormAlert, inputClass, primaryButtonClass, textInput } from "./fields";

type M = Messages["importer"];
export type SourceKind = "paste" | "upload" | "url";

function SourceKindPicker({ kind, onChange, m }: { kind: SourceKind; onChange: (k: SourceKind) => void; m: M }) {
  const kinds: [SourceKind, string][] = [
    ["paste", m.sourcePaste],
    ["upload", m.sourceUpload],
    ["url", m.sourceUrl],
  ];
  return (
    <fieldset className="flex flex-wrap gap-4 text-sm">
      <legend className="mb-2 text-sm font-medium">{m.source}</legend>
      {kinds.map(([value, label]) => (
        <label key={value} className="flex items-center gap-1.5">
          <input
            type="radio"
            name="kind"
            value={value}
            checked={kind === value}
            onChange={() => onChange(value)}
            className="accent-teal-700"
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** Checked in the browser before uploading: a file is chosen and is not over the size limit. */
function fileProblem(form: HTMLFormElement, m: M): string | null {
  const file = new FormData(form).get("file");
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) return m.chooseFile;
  if (file.size > INGEST_CONFIG.maxBytes) return m.fileTooLarge;
  return null;
}

export function SourceStep({
  mode,
  slug,
  m,
  state,
  action,
  pending,
  kind,
  onKindChange,
}: {
  mode: "add" | "create";
  slug: string | undefined;
  m: M;
  state: FormState;
  action: (form: FormData) => void;
  pending: boolean;
  kind: SourceKind;
  onKindChange: (kind: SourceKind) => void;
}) {
  const [localError, setLocalError] = useState<string | null>(null);
  const errors = state.errors ?? {};

  function checkSource(event: FormEvent<HTMLFormElement>) {
    setLocalError(null);
    if (kind !== "upload") return;
    const problem = fileProblem(event.currentTarget, m);
    if (problem) {
      event.preventDefault();
      setLocalError(problem);
    }
  }

  // A problem with the source is shown at its field; the alert then only adds the engine's detail.
  const atField = Boolean(errors.text || errors.url || errors.file);
  return (
    <form
      key={`detect-${state.nonce ?? 0}`}
      action={action}
      onSubmit={checkSource}
      className="space-y-4"
      aria-label={m.source}
    >
      <input type="hidden" name="mode" value={mode} />
      {slug ? <input type="hidden" name="slug" value={slug} /> : null}
      <input type="hidden" name="sourceKind" value={kind} />
      <SourceKindPicker kind={kind} onChange={onKindChange} m={m} />
      <div hidden={kind !== "paste"}>
        <Field label={m.pasteLabel} name="text" errors={errors.text}>
          <textarea
            name="text"
            rows={14}
            defaultValue={state.values?.text ?? ""}
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
          {textInput("url", state, "", { type: "url", placeholder: "https://", inputMode: "url" })}
        </Field>
      </div>
      <FormAlert state={atField ? { ...state, message: state.detail ? state.message : null } : state} m={m} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? m.detecting : m.detect}
      </button>
    </form>
  );
}
