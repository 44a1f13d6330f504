/**
 * What the import forms' server actions return, and the signature of those actions as the forms take
 * them (pages pass the actions in as props). Types and one constant only: client components import it.
 */
import type { DetectionView } from "./view.ts";

export type { DetectionView };

export interface FormState {
  status: "idle" | "detected" | "error" | "saved";
  /** A sentence for the whole form. */
  message: string | null;
  /** The engine's own wording, when it adds something (e.g. "resolves to 10.0.0.1, a private address"). */
  detail?: string | null;
  /** Field -> messages. */
  errors?: Record<string, string[]>;
  detection?: DetectionView | null;
  duplicate?: { key: string; url: string } | null;
  /** The values submitted, to put back into the form after an error. */
  values?: Record<string, string>;
  /** Bumped on every answer so the form re-mounts with the returned values. */
  nonce?: number;
}

export const initialFormState: FormState = { status: "idle", message: null };

/** A server action behind an import form, in useActionState's shape. */
export type FormAction = (state: FormState, form: FormData) => Promise<FormState>;
