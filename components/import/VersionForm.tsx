"use client";
/**
 * Adding a version (or creating a policy with its first version) in two steps:
 * 1. the source (./SourceStep.tsx): paste, upload or URL -> "Detect" reads it through lib/ingest;
 * 2. what was detected (./SaveStep.tsx): title, dates, the page's version list, the extracted text,
 *    pre-filled and editable -> "Save". A duplicate is named before saving and refused when saving.
 * The page passes the two server actions in (app/_import/actions.ts).
 */
import { useActionState, useState } from "react";
import type { Messages } from "@/lib/i18n";
import { initialFormState, type DetectionView, type FormAction, type FormState } from "@/lib/import/form-state";
import { SaveStep } from "./SaveStep";
import { SourceStep, type SourceKind } from "./SourceStep";

/**
 * The detection step 2 shows: the newest answer that carries one, unless "start over" hid it. A failed
 * save keeps its detection (the action rebuilds it from the form), so the person stays on step 2.
 */
function shownDetection(detected: FormState, saved: FormState, hiddenBefore: number): DetectionView | null {
  const savedNonce = saved.nonce ?? 0;
  const detectedNonce = detected.nonce ?? 0;
  if (saved.detection && savedNonce > hiddenBefore && savedNonce > detectedNonce) return saved.detection;
  if (detected.status === "detected" && detectedNonce > hiddenBefore) return detected.detection ?? null;
  return null;
}

export function VersionForm({
  mode,
  slug,
  m,
  detectAction,
  saveAction,
}: {
  mode: "add" | "create";
  /** The policy a version is added to (mode "add"). */
  slug?: string;
  m: Messages["importer"];
  detectAction: FormAction;
  /** Adds the version (mode "add") or creates the policy with it (mode "create"). */
  saveAction: FormAction;
}) {
  const [detected, detect, detecting] = useActionState<FormState, FormData>(detectAction, initialFormState);
  const [saved, save, saving] = useActionState<FormState, FormData>(saveAction, initialFormState);
  const [kind, setKind] = useState<SourceKind>("paste");
  // Answers up to this nonce are hidden ("start over").
  const [hiddenBefore, setHiddenBefore] = useState(0);

  const detection = shownDetection(detected, saved, hiddenBefore);
  if (!detection)
    return (
      <SourceStep
        mode={mode}
        slug={slug}
        m={m}
        state={detected}
        action={detect}
        pending={detecting}
        kind={kind}
        onKindChange={setKind}
      />
    );
  return (
    <SaveStep
      mode={mode}
      slug={slug}
      m={m}
      state={saved.nonce && saved.nonce > hiddenBefore ? saved : initialFormState}
      action={save}
      pending={saving}
      detection={detection}
      onStartOver={() => setHiddenBefore(Math.max(detected.nonce ?? 0, saved.nonce ?? 0))}
    />
  );
}
