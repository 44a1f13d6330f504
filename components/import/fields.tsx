/** The parts the import forms share: the labelled field, the text input that keeps its value, the button look. */
import Link from "next/link";
import type { ReactNode } from "react";
import type { Messages } from "@/lib/i18n";
import type { FormState } from "@/lib/import/form-state";

export const inputClass =
  "w-full rounded-md border border-stone-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600";

export const primaryButtonClass =
  "rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800 disabled:opacity-60";

export function Field(props: {
  label: string;
  name: string;
  errors?: string[] | undefined;
  hint?: string;
  children: ReactNode;
}) {
  const { label, name, errors, hint, children } = props;
  return (
    <label className="block space-y-1">
      <span className="text-sm font-medium">{label}</span>
      {children}
      {hint ? <span className="block text-xs text-stone-500">{hint}</span> : null}
      {errors?.length ? (
        <span id={`${name}-error`} className="block text-sm text-red-700">
          {errors.join(" ")}
        </span>
      ) : null}
    </label>
  );
}

/** A text input that keeps what was typed after an error (state.values), else shows the fallback. */
export function textInput(
  name: string,
  state: FormState,
  fallback: string | null | undefined,
  extra: Record<string, unknown> = {},
) {
  const errors = state.errors?.[name];
  return (
    <input
      name={name}
      defaultValue={state.values?.[name] ?? fallback ?? ""}
      aria-invalid={errors ? true : undefined}
      aria-describedby={errors ? `${name}-error` : undefined}
      className={inputClass}
      {...extra}
    />
  );
}

/** A refusal for the whole form: the sentence, the engine's detail when it adds something, a link to a duplicate. */
export function FormAlert({ state, m }: { state: FormState; m: Messages["importer"] }) {
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
