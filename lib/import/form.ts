/**
 * The import forms' FormData plumbing: form fields -> typed input for lib/import/service (or the
 * state to show instead), and refusals -> the FormState the forms render. The server actions
 * (app/_import/actions.ts) only check the session, call these and the service, then revalidate and
 * redirect. Framework-free (FormData and File are Web APIs); messages come in, in the user's language.
 *
 * Every parse returns `{ok: true, data}` or `{ok: false, state}`: a state that names the fields at
 * fault (`errors`) and puts the submitted values back (`values`), never a thrown error.
 */
import { z } from "zod";
import type { AuthFailure } from "../auth.ts";
import type { VersionMetaChange } from "../data/version-writes.ts";
import { format, type Messages } from "../i18n/index.ts";
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
} from "../validations/index.ts";
import { versionPath } from "../view/url.ts";
import { describeWriteError, type WriteProblem } from "./errors.ts";
import type { DetectionView, FormState } from "./form-state.ts";
import { issueMessage, problemDetail, problemMessage } from "./messages.ts";
import type { MetaOverrides, NewPolicyFields } from "./service.ts";
import type { DocumentSource } from "./source.ts";
import { toDetectionView } from "./view.ts";

export type Parsed<T> = { ok: true; data: T } | { ok: false; state: FormState };

/** A version's metadata fields, as the forms name them. */
const META_FIELDS = ["publishedAt", "effectiveAt", "label", "sourceUrl", "note"] as const;

let nonce = 0;
/** Every answer gets a new nonce, so the form re-mounts with the values it returns. */
const nextNonce = () => ++nonce;

/** Every string field of the form except those named (and React's own `$…` fields), to put back after an error. */
export function formValues(form: FormData, omit: readonly string[] = ["file", "text"]): Record<string, string> {
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

const withValues = (values?: Record<string, string>) => (values ? { values } : {});

/** A refusal in the user's language, with the engine's sentence as detail. */
export function problemState(p: WriteProblem, t: Messages, values?: Record<string, string>): FormState {
  const m = t.importer.problems;
  const duplicate = p.match ? { key: p.match.key, url: versionPath(p.match.slug, p.match.key) } : null;
  const message = duplicate ? format(m.duplicate, { key: duplicate.key }) : (problemMessage(p.code, m) ?? p.message);
  const errors: Record<string, string[]> = {};
  if (p.issues) {
    for (const issue of p.issues) {
      const field = String(issue.path[0] ?? "form");
      (errors[field] ??= []).push(issueMessage(issue, m));
    }
  } else if (p.field) {
    errors[p.field] = [message];
  }
  return {
    status: "error",
    message: p.issues ? t.importer.fixErrors : message,
    detail: p.issues || duplicate ? null : problemDetail(p.code, p.params, m),
    errors,
    duplicate,
    ...withValues(values),
    nonce: nextNonce(),
  };
}

/** Fields that fail their schema: each field's messages, and the detection to keep showing. */
export function invalidState(
  error: z.ZodError,
  t: Messages,
  values: Record<string, string>,
  detection: DetectionView | null,
): FormState {
  const p: WriteProblem = { status: 422, code: "invalid_input", message: "", issues: error.issues };
  return { ...problemState(p, t, values), detection };
}

/**
 * What a write that threw shows: an expected refusal (lib/import/errors.ts) in the user's language,
 * anything else logged and shown as "nothing was saved".
 */
export function failureState(
  error: unknown,
  t: Messages,
  values?: Record<string, string>,
  sourceField = "text",
): FormState {
  const p = describeWriteError(error, sourceField);
  if (p) return problemState(p, t, values);
  console.error("[import] action failed:", error);
  return { status: "error", message: t.importer.problems.failed, ...withValues(values), nonce: nextNonce() };
}

/** A write refused for want of a session (or of ADMIN_TOKEN). */
export function deniedState(auth: AuthFailure, t: Messages, values?: Record<string, string>): FormState {
  return {
    status: "error",
    message: auth.status === 503 ? t.importer.writesDisabled : t.importer.needSignIn,
    ...withValues(values),
    nonce: nextNonce(),
  };
}

/** The detect step's answer: what was found, and the submitted values (not the file or the text). */
export function detectedState(detection: DetectionView, form: FormData): FormState {
  return { status: "detected", message: null, detection, values: formValues(form), nonce: nextNonce() };
}

/** Step 1's source: pasted text, an uploaded file, or a URL (the `sourceKind` field says which). */
export async function parseSource(form: FormData, t: Messages): Promise<Parsed<DocumentSource>> {
  const kind = str(form, "sourceKind");
  const invalid = (field: string, message: string): Parsed<never> => ({
    ok: false,
    state: {
      status: "error",
      message,
      errors: { [field]: [message] },
      values: formValues(form, ["file"]),
      nonce: nextNonce(),
    },
  });
  if (kind === "upload") {
    const file = form.get("file");
    if (!(file instanceof File) || (file.size === 0 && file.name === "")) return invalid("file", t.importer.chooseFile);
    if (file.size > MAX_DOCUMENT_BYTES) return invalid("file", t.importer.fileTooLarge);
    return {
      ok: true,
      data: {
        kind: "file",
        bytes: new Uint8Array(await file.arrayBuffer()),
        fileName: file.name || "upload",
        ...(file.type ? { contentType: file.type } : {}),
      },
    };
  }
  if (kind === "url") {
    const url = httpUrlSchema.safeParse(str(form, "url") ?? "");
    if (!url.success) return invalid("url", str(form, "url") ? t.importer.problems.fetchBadUrl : t.importer.enterUrl);
    return { ok: true, data: { kind: "url", url: url.data } };
  }
  const raw = str(form, "text") ?? "";
  const text = documentTextSchema.safeParse(raw);
  if (!text.success) {
    const message =
      raw.trim() === "" || !text.error.issues[0]
        ? t.importer.problems.empty
        : issueMessage(text.error.issues[0], t.importer.problems);
    return invalid("text", message);
  }
  return { ok: true, data: { kind: "text", text: text.data } };
}

/** The policy a form adds to (`mode=add` and a well-formed `slug`), else null (creating a policy). */
export function addModeSlug(form: FormData): string | null {
  if (str(form, "mode") !== "add") return null;
  const slug = slugSchema.safeParse(str(form, "slug") ?? "");
  return slug.success ? slug.data : null;
}

/**
 * Rebuilds the detection shown in step 2 from the submitted form, so an error keeps the step. The
 * posted JSON is validated like any input; the duplicate's link is rebuilt from its key.
 */
export function detectionFromForm(form: FormData): DetectionView | null {
  let raw: unknown;
  try {
    raw = JSON.parse(str(form, "detection") ?? "");
  } catch {
    return null;
  }
  const posted = postedDetectionSchema.safeParse(raw);
  return posted.success ? toDetectionView({ ...posted.data, text: str(form, "text") ?? "" }, addModeSlug(form)) : null;
}

/** What a save step's every answer carries: the values to put back, the detection to keep showing. */
export interface SaveStep {
  values: Record<string, string>;
  detection: DetectionView | null;
}

export function saveStep(form: FormData): SaveStep {
  return { values: formValues(form, ["file", "text", "detection"]), detection: detectionFromForm(form) };
}

export interface SaveInput {
  /** The cleaned text of the detect step. */
  source: DocumentSource;
  meta: MetaOverrides;
}

function saveInput(form: FormData, t: Messages, step: SaveStep): Parsed<SaveInput> {
  const input = saveVersionFormSchema.safeParse({
    ...fields(form, ["text", ...META_FIELDS]),
    format: str(form, "format") ?? "text",
    listedVersionDates: str(form, "listedVersionDates") ?? "[]",
  });
  if (!input.success) return { ok: false, state: invalidState(input.error, t, step.values, step.detection) };
  const { text, format: fmt, ...meta } = input.data;
  return { ok: true, data: { source: { kind: "text", text, format: "text" }, meta: { ...meta, format: fmt } } };
}

/** The save step of "add a version": the policy's slug, the text and its metadata. */
export function parseNewVersion(form: FormData, t: Messages, step: SaveStep): Parsed<SaveInput & { slug: string }> {
  const slug = slugSchema.safeParse(str(form, "slug") ?? "");
  if (!slug.success) return { ok: false, state: invalidState(slug.error, t, step.values, step.detection) };
  const input = saveInput(form, t, step);
  return input.ok ? { ok: true, data: { ...input.data, slug: slug.data } } : input;
}

/** The save step of "new policy": the policy's fields (its URL as `policySourceUrl`), the text, its metadata. */
export function parseNewPolicy(
  form: FormData,
  t: Messages,
  step: SaveStep,
): Parsed<SaveInput & { policy: NewPolicyFields }> {
  const policy = newPolicyFormSchema.safeParse(
    fields(form, ["slug", "name", "publisher", "sourceUrl", "description"], { sourceUrl: "policySourceUrl" }),
  );
  if (!policy.success) return { ok: false, state: invalidState(policy.error, t, step.values, step.detection) };
  const input = saveInput(form, t, step);
  return input.ok ? { ok: true, data: { ...input.data, policy: policy.data } } : input;
}

const versionRefSchema = z.object({ slug: slugSchema, key: versionKeySchema });
const versionMetaFormSchema = z.object(versionMetaShape);

export interface VersionRefInput {
  slug: string;
  key: string;
}

/** The edit form: which version, and its metadata as the person left it. */
export function parseVersionEdit(form: FormData, t: Messages): Parsed<VersionRefInput & { change: VersionMetaChange }> {
  const values = formValues(form);
  const ref = versionRefSchema.safeParse(fields(form, ["slug", "key"]));
  if (!ref.success) return { ok: false, state: invalidState(ref.error, t, values, null) };
  const change = versionMetaFormSchema.safeParse(fields(form, META_FIELDS));
  if (!change.success) return { ok: false, state: invalidState(change.error, t, values, null) };
  return { ok: true, data: { ...ref.data, change: change.data } };
}

/** The delete form: which version, confirmed by repeating its key in `confirm`. */
export function parseVersionDelete(form: FormData, t: Messages): Parsed<VersionRefInput> {
  const ref = versionRefSchema.safeParse(fields(form, ["slug", "key"]));
  if (!ref.success) return { ok: false, state: invalidState(ref.error, t, {}, null) };
  if (str(form, "confirm") !== ref.data.key)
    return { ok: false, state: { status: "error", message: t.importer.problems.invalid, nonce: nextNonce() } };
  return { ok: true, data: ref.data };
}
