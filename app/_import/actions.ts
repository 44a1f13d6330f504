"use server";
/**
 * Server actions behind the import forms: detect (read a source, show what was found), save a new
 * version, create a policy, edit and delete a version. Each checks the admin session, safeParses its
 * input (schemas in lib/validations) and returns {status, message, errors} instead of throwing;
 * success redirects. Refusals are described by lib/import/errors.ts and worded by lib/import/messages.ts.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/components/import/types";
import { webAuth } from "@/lib/auth-session";
import { deleteVersion, updateVersionMeta } from "@/lib/data/version-writes";
import { format, type Messages } from "@/lib/i18n";
import { getI18n } from "@/lib/i18n-server";
import { describeWriteError, type WriteProblem } from "@/lib/import/errors";
import { problemMessage } from "@/lib/import/messages";
import { detectVersion, importPolicy, importVersion } from "@/lib/import/service";
import type { DocumentSource } from "@/lib/import/source";
import { toDetectionView, type DetectionView } from "@/lib/import/view";
import { policyPath, versionPath } from "@/lib/view/url";
import {
  documentTextSchema,
  httpUrlSchema,
  MAX_DOCUMENT_BYTES,
  newPolicyFormSchema,
  postedDetectionSchema,
  saveVersionFormSchema,
  slugSchema,
  versionKeySchema,
  versionMetaShape,
} from "@/lib/validations";

let nonce = 0;
const next = () => ++nonce;

const META_FIELDS = ["publishedAt", "effectiveAt", "label", "sourceUrl", "note"] as const;

/** Every string field of the form except those named, to put back into the form after an error. */
function formValues(form: FormData, omit: string[] = ["file", "text"]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries())
    if (typeof v === "string" && !omit.includes(k) && !k.startsWith("$")) values[k] = v;
  return values;
}

function str(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
}

/** The named fields as strings ("" when absent), for a schema to parse; `rename` maps schema key -> form field. */
function fields<K extends string>(
  form: FormData,
  names: readonly K[],
  rename: Partial<Record<K, string>> = {},
): Record<K, string> {
  return Object.fromEntries(names.map((n) => [n, str(form, rename[n] ?? n) ?? ""])) as Record<K, string>;
}

/** A refusal in the user's language, with the engine's sentence as detail. */
function problemState(p: WriteProblem, t: Messages, values?: Record<string, string>): FormState {
  const m = t.importer.problems;
  const duplicate = p.match ? { key: p.match.key, url: versionPath(p.match.slug, p.match.key) } : null;
  const message = duplicate ? format(m.duplicate, { key: duplicate.key }) : (problemMessage(p.code, m) ?? p.message);
  const errors: Record<string, string[]> = {};
  if (p.issues) {
    for (const issue of p.issues) {
      const field = String(issue.path[0] ?? "form");
      (errors[field] ??= []).push(issue.message);
    }
  } else if (p.field) {
    errors[p.field] = [message];
  }
  return {
    status: "error",
    message: p.issues ? t.importer.fixErrors : message,
    detail: p.issues || duplicate ? null : p.message,
    errors,
    duplicate,
    ...(values ? { values } : {}),
    nonce: next(),
  };
}

async function failure(
  error: unknown,
  t: Messages,
  values?: Record<string, string>,
  sourceField = "text",
): Promise<FormState> {
  const p = describeWriteError(error, sourceField);
  if (p) return problemState(p, t, values);
  console.error("[import] action failed:", error);
  return { status: "error", message: t.importer.problems.failed, ...(values ? { values } : {}), nonce: next() };
}

function invalidState(
  error: z.ZodError,
  t: Messages,
  values: Record<string, string>,
  detection: DetectionView | null,
): FormState {
  return {
    ...problemState({ status: 422, code: "invalid_input", message: "", issues: error.issues }, t, values),
    detection,
  };
}

async function guard(t: Messages, values?: Record<string, string>): Promise<FormState | null> {
  const auth = await webAuth();
  if (auth.ok) return null;
  return {
    status: "error",
    message: auth.status === 503 ? t.importer.writesDisabled : t.importer.needSignIn,
    ...(values ? { values } : {}),
    nonce: next(),
  };
}

/** Step 1's source: pasted text, an uploaded file, or a URL. */
async function readSource(form: FormData, t: Messages): Promise<DocumentSource | FormState> {
  const kind = str(form, "sourceKind");
  const invalid = (field: string, message: string): FormState => ({
    status: "error",
    message,
    errors: { [field]: [message] },
    values: formValues(form, ["file"]),
    nonce: next(),
  });
  if (kind === "upload") {
    const file = form.get("file");
    if (!(file instanceof File) || (file.size === 0 && file.name === "")) return invalid("file", t.importer.chooseFile);
    if (file.size > MAX_DOCUMENT_BYTES) return invalid("file", t.importer.fileTooLarge);
    return {
      kind: "file",
      bytes: new Uint8Array(await file.arrayBuffer()),
      fileName: file.name || "upload",
      ...(file.type ? { contentType: file.type } : {}),
    };
  }
  if (kind === "url") {
    const url = httpUrlSchema.safeParse(str(form, "url") ?? "");
    if (!url.success) return invalid("url", str(form, "url") ? t.importer.problems.fetchBadUrl : t.importer.enterUrl);
    return { kind: "url", url: url.data };
  }
  const text = documentTextSchema.safeParse(str(form, "text") ?? "");
  if (!text.success) {
    const raw = str(form, "text") ?? "";
    const message =
      raw.trim() === "" ? t.importer.problems.empty : (text.error.issues[0]?.message ?? t.importer.problems.invalid);
    return invalid("text", message);
  }
  return { kind: "text", text: text.data };
}

/** The policy a form adds to, when its slug is well-formed. */
function formSlug(form: FormData): string | null {
  const slug = slugSchema.safeParse(str(form, "slug") ?? "");
  return slug.success ? slug.data : null;
}

/** Reads the source and returns what was detected, for the person to check before saving. */
export async function detectAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getI18n();
  const denied = await guard(t, formValues(form, ["file"]));
  if (denied) return denied;
  const source = await readSource(form, t);
  if ("status" in source) return source;
  const slug = str(form, "mode") === "add" ? formSlug(form) : null;
  try {
    const detection = toDetectionView(await detectVersion(source, slug), slug);
    return { status: "detected", message: null, detection, values: formValues(form), nonce: next() };
  } catch (error) {
    return failure(error, t, formValues(form, ["file"]), source.kind === "file" ? "file" : source.kind);
  }
}

function saveInput(form: FormData) {
  return saveVersionFormSchema.safeParse({
    ...fields(form, ["text", ...META_FIELDS]),
    format: str(form, "format") ?? "text",
    listedVersionDates: str(form, "listedVersionDates") ?? "[]",
  });
}

/**
 * Rebuilds the detection shown in step 2 from the submitted form, so an error keeps the step. The
 * posted JSON is validated like any input; the duplicate's link is rebuilt from its key.
 */
function detectionFromForm(form: FormData, slug: string | null): DetectionView | null {
  let raw: unknown;
  try {
    raw = JSON.parse(str(form, "detection") ?? "");
  } catch {
    return null;
  }
  const posted = postedDetectionSchema.safeParse(raw);
  return posted.success ? toDetectionView({ ...posted.data, text: str(form, "text") ?? "" }, slug) : null;
}

/** The save step's common start: the session, the values to put back, the detection to keep showing. */
async function saveStep(form: FormData) {
  const { t } = await getI18n();
  const values = formValues(form, ["file", "text", "detection"]);
  const slug = str(form, "mode") === "add" ? formSlug(form) : null;
  const detection = detectionFromForm(form, slug);
  const denied = await guard(t, values);
  return { t, values, detection, denied: denied ? { ...denied, detection } : null };
}

export async function addVersionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t, values, detection, denied } = await saveStep(form);
  if (denied) return denied;
  const slug = slugSchema.safeParse(str(form, "slug") ?? "");
  if (!slug.success) return invalidState(slug.error, t, values, detection);
  const input = saveInput(form);
  if (!input.success) return invalidState(input.error, t, values, detection);
  const { text, format: fmt, ...meta } = input.data;
  let key: string;
  try {
    ({
      version: { key },
    } = await importVersion(slug.data, { kind: "text", text, format: "text" }, { ...meta, format: fmt }));
  } catch (error) {
    return { ...(await failure(error, t, values)), detection };
  }
  revalidatePath(policyPath(slug.data));
  redirect(`${policyPath(slug.data)}?added=${encodeURIComponent(key)}`);
}

export async function createPolicyAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t, values, detection, denied } = await saveStep(form);
  if (denied) return denied;
  const policy = newPolicyFormSchema.safeParse(
    fields(form, ["slug", "name", "publisher", "sourceUrl", "description"], { sourceUrl: "policySourceUrl" }),
  );
  if (!policy.success) return invalidState(policy.error, t, values, detection);
  const input = saveInput(form);
  if (!input.success) return invalidState(input.error, t, values, detection);
  const { text, format: fmt, ...meta } = input.data;
  let slug: string;
  try {
    ({ slug } = await importPolicy(policy.data, { kind: "text", text, format: "text" }, { ...meta, format: fmt }));
  } catch (error) {
    return { ...(await failure(error, t, values)), detection };
  }
  revalidatePath("/");
  redirect(policyPath(slug));
}

const versionRef = z.object({ slug: slugSchema, key: versionKeySchema });
const versionMetaFormSchema = z.object(versionMetaShape);

export async function updateVersionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getI18n();
  const values = formValues(form);
  const denied = await guard(t, values);
  if (denied) return denied;
  const ref = versionRef.safeParse(fields(form, ["slug", "key"]));
  if (!ref.success) return invalidState(ref.error, t, values, null);
  const change = versionMetaFormSchema.safeParse(fields(form, META_FIELDS));
  if (!change.success) return invalidState(change.error, t, values, null);
  let key: string;
  try {
    ({ key } = await updateVersionMeta(ref.data.slug, ref.data.key, change.data));
  } catch (error) {
    return failure(error, t, values);
  }
  revalidatePath(policyPath(ref.data.slug));
  redirect(versionPath(ref.data.slug, key));
}

export async function deleteVersionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getI18n();
  const denied = await guard(t);
  if (denied) return denied;
  const ref = versionRef.safeParse(fields(form, ["slug", "key"]));
  if (!ref.success) return invalidState(ref.error, t, {}, null);
  if (str(form, "confirm") !== ref.data.key)
    return { status: "error", message: t.importer.problems.invalid, nonce: next() };
  try {
    await deleteVersion(ref.data.slug, ref.data.key);
  } catch (error) {
    return failure(error, t);
  }
  revalidatePath(policyPath(ref.data.slug));
  redirect(policyPath(ref.data.slug));
}
