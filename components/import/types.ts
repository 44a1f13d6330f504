/** What the import forms' server actions return (serialisable; shared by the actions and the forms). */
import type { DetectionView } from "@/lib/import/view";

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
