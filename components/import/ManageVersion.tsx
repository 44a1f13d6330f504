"use client";
/**
 * Editing a version's metadata, and deleting it after an explicit confirmation. The page passes the
 * server actions in (app/_import/actions.ts).
 */
import { useActionState, type ReactNode } from "react";
import type { Messages } from "@/lib/i18n";
import { format } from "@/lib/i18n/format";
import { initialFormState, type FormAction, type FormState } from "@/lib/import/form-state";
import { Field, primaryButtonClass, textInput } from "./fields";

type M = Messages["importer"];

function Row({
  label,
  name,
  state,
  value,
  extra,
}: {
  label: string;
  name: string;
  state: FormState;
  value: string | null;
  extra?: Record<string, unknown>;
}) {
  return (
    <Field label={label} name={name} errors={state.errors?.[name]}>
      {textInput(name, state, value, extra)}
    </Field>
  );
}

function Problem({ state }: { state: FormState }): ReactNode {
  if (state.status !== "error" || !state.message) return null;
  return (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      {state.message}
    </p>
  );
}

export interface EditableVersion {
  key: string;
  publishedAt: string | null;
  effectiveAt: string | null;
  label: string | null;
  sourceUrl: string | null;
  note: string | null;
}

export function EditVersionForm({
  slug,
  version,
  m,
  action: update,
}: {
  slug: string;
  version: EditableVersion;
  m: M;
  action: FormAction;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(update, initialFormState);
  const date = { placeholder: "YYYY-MM-DD", inputMode: "numeric" };
  return (
    <form key={state.nonce ?? 0} action={action} className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="key" value={version.key} />
      <Row label={m.publishedAt} name="publishedAt" state={state} value={version.publishedAt} extra={date} />
      <Row label={m.effectiveAt} name="effectiveAt" state={state} value={version.effectiveAt} extra={date} />
      <Row label={m.label} name="label" state={state} value={version.label} />
      <Row label={m.versionSource} name="sourceUrl" state={state} value={version.sourceUrl} extra={{ type: "url" }} />
      <div className="sm:col-span-2">
        <Row label={m.note} name="note" state={state} value={version.note} />
      </div>
      <div className="space-y-3 sm:col-span-2">
        <Problem state={state} />
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {m.editSave}
        </button>
      </div>
    </form>
  );
}

export function DeleteVersionForm({
  slug,
  versionKey,
  m,
  action: remove,
}: {
  slug: string;
  versionKey: string;
  m: M;
  action: FormAction;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(remove, initialFormState);
  return (
    <details className="space-y-3">
      <summary className="cursor-pointer text-sm text-red-800">{m.deleteTitle}…</summary>
      <p className="text-sm text-stone-600">{m.deleteWarn}</p>
      <form action={action} className="space-y-3">
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="key" value={versionKey} />
        <input type="hidden" name="confirm" value={versionKey} />
        <Problem state={state} />
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60"
        >
          {format(m.deleteConfirm, { key: versionKey })}
        </button>
      </form>
    </details>
  );
}
