/**
 * A refusal's code (./errors.ts) -> the sentence the web forms show, in the user's language
 * (lib/i18n's importer.problems). Framework-free.
 */
import type { ApiErrorCode } from "../data/api.ts";
import type { Messages } from "../i18n/index.ts";

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
