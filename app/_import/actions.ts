"use server";
/**
 * Server actions behind the import forms: detect (read a source, show what was found), save a new
 * version, create a policy, edit and delete a version. Each checks the admin session, parses its form
 * with lib/import/form.ts (which returns the state to show instead of throwing), calls lib/import, and
 * on success revalidates and redirects. The pages pass these to the forms as props.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { webAuth } from "@/lib/auth-session";
import { deleteVersion, updateVersionMeta } from "@/lib/data/version-writes";
import type { Messages } from "@/lib/i18n";
import { getI18n } from "@/lib/i18n-server";
import {
  addModeSlug,
  deniedState,
  detectedState,
  failureState,
  formValues,
  parseNewPolicy,
  parseNewVersion,
  parseSource,
  parseVersionDelete,
  parseVersionEdit,
  saveStep,
} from "@/lib/import/form";
import type { FormState } from "@/lib/import/form-state";
import { detectVersion, importPolicy, importVersion } from "@/lib/import/service";
import { ingestInWorker } from "@/lib/work";
import { toDetectionView } from "@/lib/import/view";
import { policyPath, versionPath } from "@/lib/view/url";

/** null when this request may write; else the state that says why not. */
async function denied(t: Messages, values?: Record<string, string>): Promise<FormState | null> {
  const auth = await webAuth();
  return auth.ok ? null : deniedState(auth, t, values);
}

/** Reads the source and returns what was detected, for the person to check before saving. */
export async function detectAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getI18n();
  const refused = await denied(t, formValues(form, ["file"]));
  if (refused) return refused;
  const source = await parseSource(form, t);
  if (!source.ok) return source.state;
  const slug = addModeSlug(form);
  try {
    return detectedState(
      toDetectionView(await detectVersion(source.data, slug, { ingest: ingestInWorker() }), slug),
      form,
    );
  } catch (error) {
    return failureState(error, t, formValues(form, ["file"]), source.data.kind);
  }
}

export async function addVersionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getI18n();
  const step = saveStep(form);
  const refused = await denied(t, step.values);
  if (refused) return { ...refused, detection: step.detection };
  const input = parseNewVersion(form, t, step);
  if (!input.ok) return input.state;
  const { slug, source, meta } = input.data;
  let key: string;
  try {
    ({
      version: { key },
    } = await importVersion(slug, source, meta, { ingest: ingestInWorker() }));
  } catch (error) {
    return { ...failureState(error, t, step.values), detection: step.detection };
  }
  revalidatePath(policyPath(slug));
  redirect(`${policyPath(slug)}?added=${encodeURIComponent(key)}`);
}

export async function createPolicyAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getI18n();
  const step = saveStep(form);
  const refused = await denied(t, step.values);
  if (refused) return { ...refused, detection: step.detection };
  const input = parseNewPolicy(form, t, step);
  if (!input.ok) return input.state;
  let slug: string;
  try {
    ({ slug } = await importPolicy(input.data.policy, input.data.source, input.data.meta, {
      ingest: ingestInWorker(),
    }));
  } catch (error) {
    return { ...failureState(error, t, step.values), detection: step.detection };
  }
  revalidatePath("/");
  redirect(policyPath(slug));
}

export async function updateVersionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getI18n();
  const values = formValues(form);
  const refused = await denied(t, values);
  if (refused) return refused;
  const input = parseVersionEdit(form, t);
  if (!input.ok) return input.state;
  const { slug, key, change } = input.data;
  let newKey: string;
  try {
    ({ key: newKey } = await updateVersionMeta(slug, key, change));
  } catch (error) {
    return failureState(error, t, values);
  }
  revalidatePath(policyPath(slug));
  redirect(`${versionPath(slug, newKey)}?saved=${encodeURIComponent(newKey)}`);
}

export async function deleteVersionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getI18n();
  const refused = await denied(t);
  if (refused) return refused;
  const input = parseVersionDelete(form, t);
  if (!input.ok) return input.state;
  const { slug, key } = input.data;
  try {
    await deleteVersion(slug, key);
  } catch (error) {
    return failureState(error, t);
  }
  revalidatePath(policyPath(slug));
  redirect(`${policyPath(slug)}?deleted=${encodeURIComponent(key)}`);
}
