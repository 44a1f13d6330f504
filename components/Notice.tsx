/**
 * The success notice after a write (ADR 0023): the write's action redirects with `?added=KEY`,
 * `?saved=KEY` or `?deleted=KEY`, and the page shows the matching sentence from the catalogues.
 */
import { format, type Messages } from "@/lib/i18n";
import { parseKey } from "@/lib/view/url";
import { NoticeBanner } from "./NoticeBanner";

export type NoticeKind = "added" | "saved" | "deleted";

export function Notice({
  search,
  kinds,
  t,
}: {
  search: Record<string, string | string[] | undefined>;
  /** The notices this page shows. */
  kinds: readonly NoticeKind[];
  t: Messages["notices"];
}) {
  for (const kind of kinds) {
    const raw = search[kind];
    const key = parseKey(Array.isArray(raw) ? (raw[0] ?? "") : (raw ?? ""));
    if (key) return <NoticeBanner param={kind} text={format(t[kind], { version: key })} dismiss={t.dismiss} />;
  }
  return null;
}
