/**
 * What the web forms say, in the user's language (lib/i18n's importer group), from the codes and
 * values the engine gives: a refusal's code (./errors.ts), a field's validation issue, a note on
 * how a document was read. Framework-free.
 */
import type { z } from "zod";
import type { ApiErrorCode } from "../data/api.ts";
import { format } from "../i18n/format.ts";
import type { Messages } from "../i18n/index.ts";
import type { IngestWarning } from "../ingest/index.ts";

type Problems = Messages["importer"]["problems"];

const MESSAGE_BY_CODE: Readonly<Partial<Record<ApiErrorCode, keyof Problems>>> = {
  empty: "empty",
  binary: "binary",
  encoding: "encoding",
  too_large: "tooLarge",
  unsupported: "unsupported",
  fetch_blocked_address: "fetchBlocked",
  fetch_blocked_port: "fetchPort",
  fetch_bad_url: "fetchBadUrl",
  fetch_bad_content_type: "fetchType",
  fetch_too_large: "tooLarge",
  fetch_timeout: "fetchTimeout",
  fetch_too_many_redirects: "fetchRedirects",
  fetch_dns: "fetchFailed",
  fetch_http_status: "fetchFailed",
  fetch_network: "fetchFailed",
  conflict: "conflict",
  database_busy: "busy",
  policy_exists: "policyExists",
  policy_not_found: "policyNotFound",
  version_not_found: "versionNotFound",
  name_required: "nameRequired",
  invalid_input: "invalid",
};

/** The localised sentence for a refusal code, or null when there is none (then show the engine's). */
export function problemMessage(code: ApiErrorCode, problems: Problems): string | null {
  const key = MESSAGE_BY_CODE[code];
  return key ? problems[key] : null;
}

/**
 * The detail a form shows under a refusal, in the user's language: the host and reason of a fetch
 * that failed, the status a server answered. null when the sentence says it all (the engine's
 * English `message` is for the API and the logs, never shown in a form).
 */
export function problemDetail(
  code: ApiErrorCode,
  params: Readonly<Record<string, string | number>> | undefined,
  problems: Problems,
): string | null {
  if (params?.host !== undefined && params.reason !== undefined) {
    if (code === "fetch_dns") return format(problems.fetchDnsDetail, params);
    if (code === "fetch_network") return format(problems.fetchNetworkDetail, params);
  }
  if (code === "fetch_http_status" && params?.status !== undefined) return format(problems.fetchStatusDetail, params);
  if (code === "fetch_blocked_address" && params?.address !== undefined)
    return format(problems.fetchBlockedDetail, params);
  return null;
}

/** Problems that custom checks name in their issue's `params.problem` (lib/validations). */
const MESSAGE_BY_PROBLEM: Readonly<Record<string, keyof Problems>> = {
  empty: "empty",
  too_large: "tooLarge",
  binary: "binary",
  url: "fetchBadUrl",
};

/** A field's validation issue (zod) in the user's language; zod's own sentence is English. */
export function issueMessage(issue: z.core.$ZodIssue, problems: Problems): string {
  if (issue.code === "invalid_format" && issue.format === "date") return problems.badDate;
  if (issue.code === "too_big" && issue.origin === "string")
    return format(problems.tooLong, { max: Number(issue.maximum) });
  if (issue.code === "custom") {
    const problem = (issue.params as { problem?: unknown } | undefined)?.problem;
    const key = typeof problem === "string" ? MESSAGE_BY_PROBLEM[problem] : undefined;
    if (key) return problems[key];
  }
  return problems.invalidField;
}

/** A note on how a document was read (lib/ingest IngestWarning) in the user's language. */
export function warningMessage(warning: IngestWarning, m: Messages["importer"]): string {
  return format(m.readNotes[warning.code], warning);
}
