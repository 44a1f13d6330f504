"use server";
/**
 * Server actions behind the import forms: detect (read a source, show what was found), save a new
 * version, create a policy, edit and delete a version. Each checks the admin session, safeParses its
 * input and returns {status, message, errors} instead of throwing; success redirects.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { DetectionView, FormState } from "@/components/import/types";
import { webAuth } from "@/lib/auth-session";
import { deleteVersion, updateVersionMeta } from "@/lib/data/version-writes";
import { format, type Messages } from "@/lib/i18n";
import { getI18n } from "@/lib/i18n/server";
import { describeWriteError, type WriteProblem } from "@/lib/import/errors";
import { detectVersion, importPolicy, importVersion } from "@/lib/import/service";
import type { DocumentSource } from "@/lib/import/source";
import {
  documentTextSchema,
  httpUrlSchema,
  isoDateSchema,
  MAX_DOCUMENT_BYTES,
  newPolicySchema,
  slugSchema,
  versionKeySchema,
  versionMetaShape,
} from "@/lib/validations";

let nonce = 0;
const next = () => ++nonce;

function formValues(form: FormData, omit: string[] = ["file", "text"]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !omit.includes(k) && !k.startsWith("$")) values[k] = v;
  return values;
}

function str(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
}

/** A refusal in the user's language, with the engine's sentence as detail. */
function problemState(p: WriteProblem, t: Messages, values?: Record<string, string>): FormState {
  const m = t.importer.problems;
  const byCode: Record<string, string> = {
    empty: m.empty,
    binary: m.binary,
    encoding: m.encoding,
    too_large: m.tooLarge,
    unsupported: m.unsupported,
    fetch_blocked_address: m.fetchBlocked,
    fetch_blocked_port: m.fetchPort,
    fetch_bad_url: m.fetchBadUrl,
    fetch_bad_content_type: m.fetchType,
    fetch_too_large: m.tooLarge,
    fetch_timeout: m.fetchTimeout,
    fetch_too_many_redirects: m.fetchRedirects,
    fetch_dns: m.fetchFailed,
    fetch_http_status: m.fetchFailed,
    fetch_network: m.fetchFailed,
    policy_exists: m.policyExists,
    policy_not_found: m.policyNotFound,
    version_not_found: m.versionNotFound,
    name_required: m.nameRequired,
    invalid: m.invalid,
  };
  const duplicate = p.match ? { key: p.match.key, url: `/p/${p.match.slug}/v/${p.match.key}` } : null;
  const message = duplicate ? format(m.duplicate, { key: duplicate.key }) : (byCode[p.code] ?? p.message);
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

async function failure(error: unknown, t: Messages, values?: Record<string, string>, sourceField = "text"): Promise<FormState> {
  const p = describeWriteError(error, sourceField);
  if (p) return problemState(p, t, values);
  console.error("[import] action failed:", error);
  return { status: "error", message: t.importer.problems.failed, ...(values ? { values } : {}), nonce: next() };
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
    if (!(file instanceof File) || file.size === 0 && file.name === "") return invalid("file", t.importer.chooseFile);
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
    const message = raw.trim() === "" ? t.importer.problems.empty : (text.error.issues[0]?.message ?? t.importer.problems.invalid);
    return invalid("text", message);
  }
  return { kind: "text", text: text.data };
}

/** Reads the source and returns what was detected, for the person to check before saving. */
export async function detectAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getI18n();
  const denied = await guard(t, formValues(form, ["file"]));
  if (denied) return denied;
  const source = await readSource(form, t);
  if ("status" in source) return source;
  const slug = slugSchema.safeParse(str(form, "slug") ?? "");
  const mode = str(form, "mode");
  try {
    const d = await detectVersion(source, mode === "add" && slug.success ? slug.data : null);
    const detection: DetectionView = {
      text: d.text,
      format: d.format,
      encoding: d.encoding,
      title: d.title,
      publishedAt: d.publishedAt,
      effectiveAt: d.effectiveAt,
      publishedFrom: d.publishedFrom,
      listedVersionDates: d.listedVersionDates,
      warnings: d.warnings,
      sourceUrl: d.sourceUrl,
      duplicateOf: d.duplicateOf && slug.success ? { key: d.duplicateOf.key, url: `/p/${slug.data}/v/${d.duplicateOf.key}` } : null,
    };
    return { status: "detected", message: null, detection, values: formValues(form), nonce: next() };
  } catch (error) {
    return failure(error, t, formValues(form, ["file"]), source.kind === "file" ? "file" : source.kind);
  }
}

/** Step 2: the cleaned text from step 1, with the metadata as the person left it. */
const saveSchema = z.object({
  text: documentTextSchema,
  format: z.enum(["text", "markdown", "html", "docx"]),
  listedVersionDates: z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s || "[]") as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "Not a JSON list." });
        return z.NEVER;
      }
    })
    .pipe(z.array(isoDateSchema).max(500)),
  ...versionMetaShape,
});

function saveInput(form: FormData) {
  return saveSchema.safeParse({
    text: str(form, "text") ?? "",
    format: str(form, "format") ?? "text",
    listedVersionDates: str(form, "listedVersionDates") ?? "[]",
    publishedAt: str(form, "publishedAt") ?? "",
    effectiveAt: str(form, "effectiveAt") ?? "",
    label: str(form, "label") ?? "",
    sourceUrl: str(form, "sourceUrl") ?? "",
    note: str(form, "note") ?? "",
  });
}

function invalidState(error: z.ZodError, t: Messages, values: Record<string, string>, detection: FormState["detection"]): FormState {
  return { ...problemState({ status: 422, code: "invalid", message: "", issues: error.issues }, t, values), status: "error", detection };
}

/** Rebuilds the detection shown in step 2 from the submitted form, so an error keeps the step. */
function detectionFromForm(form: FormData): DetectionView | null {
  const raw = str(form, "detection");
  if (!raw) return null;
  try {
    return { ...(JSON.parse(raw) as Omit<DetectionView, "text">), text: str(form, "text") ?? "" };
  } catch {
    return null;
  }
}

export async function addVersionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getI18n();
  const values = formValues(form, ["file", "text", "detection"]);
  const detection = detectionFromForm(form);
  const denied = await guard(t, values);
  if (denied) return { ...denied, detection };
  const slug = slugSchema.safeParse(str(form, "slug") ?? "");
  if (!slug.success) return invalidState(slug.error, t, values, detection);
  const input = saveInput(form);
  if (!input.success) return invalidState(input.error, t, values, detection);
  const { text, format: fmt, ...meta } = input.data;
  let key: string;
  try {
    ({ version: { key } } = await importVersion(slug.data, { kind: "text", text, format: "text" }, { ...meta, format: fmt }));
  } catch (error) {
    return { ...(await failure(error, t, values)), detection };
  }
  revalidatePath(`/p/${slug.data}`);
  redirect(`/p/${slug.data}?added=${encodeURIComponent(key)}`);
}

export async function createPolicyAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getI18n();
  const values = formValues(form, ["file", "text", "detection"]);
  const detection = detectionFromForm(form);
  const denied = await guard(t, values);
  if (denied) return { ...denied, detection };
  const policy = newPolicySchema
    .extend({ name: z.string().trim().max(200).optional() })
    .safeParse({
      slug: str(form, "slug") ?? "",
      name: str(form, "name") ?? "",
      publisher: str(form, "publisher") ?? "",
      sourceUrl: str(form, "policySourceUrl") ?? "",
      description: str(form, "description") ?? "",
    });
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
  redirect(`/p/${slug}`);
}

const versionRef = z.object({ slug: slugSchema, key: versionKeySchema });

export async function updateVersionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getI18n();
  const values = formValues(form);
  const denied = await guard(t, values);
  if (denied) return denied;
  const ref = versionRef.safeParse({ slug: str(form, "slug"), key: str(form, "key") });
  if (!ref.success) return invalidState(ref.error, t, values, null);
  const change = z.object(versionMetaShape).safeParse({
    publishedAt: str(form, "publishedAt") ?? "",
    effectiveAt: str(form, "effectiveAt") ?? "",
    label: str(form, "label") ?? "",
    sourceUrl: str(form, "sourceUrl") ?? "",
    note: str(form, "note") ?? "",
  });
  if (!change.success) return invalidState(change.error, t, values, null);
  let key: string;
  try {
    ({ key } = await updateVersionMeta(ref.data.slug, ref.data.key, change.data));
  } catch (error) {
    return failure(error, t, values);
  }
  revalidatePath(`/p/${ref.data.slug}`);
  redirect(`/p/${ref.data.slug}/v/${key}`);
}

export async function deleteVersionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getI18n();
  const denied = await guard(t);
  if (denied) return denied;
  const ref = versionRef.safeParse({ slug: str(form, "slug"), key: str(form, "key") });
  if (!ref.success) return invalidState(ref.error, t, {}, null);
  if (str(form, "confirm") !== ref.data.key) return { status: "error", message: t.importer.problems.invalid, nonce: next() };
  try {
    await deleteVersion(ref.data.slug, ref.data.key);
  } catch (error) {
    return failure(error, t);
  }
  revalidatePath(`/p/${ref.data.slug}`);
  redirect(`/p/${ref.data.slug}`);
}
