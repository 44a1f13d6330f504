/**
 * Atom (RFC 4287) documents as strings. Framework-free: a feed is plain data, rendered here with every
 * text and attribute escaped and characters XML 1.0 forbids removed (a policy's text may carry control
 * characters), so any input gives a well-formed document.
 *
 * RFC 4287 requires of a feed: id, title, updated, and an author unless every entry has one; of an
 * entry: id, title, updated, and a link rel="alternate" when it has no content (ours always links).
 * Ids are IRIs that never change: `nameUuidUrn` makes a name-based urn:uuid (RFC 9562 version 5 layout,
 * SHA-1 of a namespace and the name), the same name giving the same id on every run and host.
 */
import { createHash } from "node:crypto";
import type { SafeHtml } from "../view/safe-html.ts";

export interface AtomPerson {
  name: string;
  uri?: string;
}

export interface AtomLink {
  href: string;
  rel?: "alternate" | "self" | "related" | "via" | "enclosure";
  type?: string;
  title?: string;
  hreflang?: string;
}

export interface AtomEntry {
  id: string;
  title: string;
  /** ISO timestamp. */
  updated: string;
  published?: string;
  links: AtomLink[];
  authors?: AtomPerson[];
  summary?: string;
  /** HTML (built safe: lib/view/safe-html.ts), sent escaped as the content's text (type="html"). */
  contentHtml?: SafeHtml;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  updated: string;
  /** xml:lang, e.g. "zh-CN". */
  lang?: string;
  links: AtomLink[];
  authors: AtomPerson[];
  generator?: string;
  entries: AtomEntry[];
}

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text for XML content or an attribute value: escaped, characters XML forbids removed. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML_CHAR, "").replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** Namespace of this app's name-based ids: the v5 uuid of the name "policy-diff" in RFC 9562's URL namespace. */
const NAMESPACE = "0b77f2b4-3391-5be2-a239-0d8c223a12d8";

/** urn:uuid:… for a name, stable forever (version 5 layout: SHA-1 of namespace and name). */
export function nameUuidUrn(name: string): string {
  const ns = Buffer.from(NAMESPACE.replace(/-/g, ""), "hex");
  const b = createHash("sha1").update(ns).update(name, "utf8").digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50; // version 5
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const h = b.toString("hex");
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const el = (name: string, text: string, indent: string) => `${indent}<${name}>${xmlText(text)}</${name}>\n`;

function attrs(list: Record<string, string | undefined>): string {
  return Object.entries(list)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlText(v!)}"`)
    .join("");
}

function link(l: AtomLink, indent: string): string {
  return `${indent}<link${attrs({ rel: l.rel ?? "alternate", type: l.type, href: l.href, hreflang: l.hreflang, title: l.title })}/>\n`;
}

function person(p: AtomPerson, indent: string): string {
  return `${indent}<author>\n${el("name", p.name, indent + "  ")}${p.uri ? el("uri", p.uri, indent + "  ") : ""}${indent}</author>\n`;
}

function entry(e: AtomEntry): string {
  const i = "    ";
  let out = "  <entry>\n";
  out += el("id", e.id, i);
  out += el("title", e.title, i);
  out += el("updated", e.updated, i);
  if (e.published) out += el("published", e.published, i);
  for (const p of e.authors ?? []) out += person(p, i);
  for (const l of e.links) out += link(l, i);
  if (e.summary) out += el("summary", e.summary, i);
  if (e.contentHtml !== undefined) out += `${i}<content type="html">${xmlText(e.contentHtml.toString())}</content>\n`;
  return out + "  </entry>\n";
}

export function renderAtom(feed: AtomFeed): string {
  const i = "  ";
  let out = `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"${feed.lang ? ` xml:lang="${xmlText(feed.lang)}"` : ""}>\n`;
  out += el("id", feed.id, i);
  out += el("title", feed.title, i);
  if (feed.subtitle) out += el("subtitle", feed.subtitle, i);
  out += el("updated", feed.updated, i);
  for (const p of feed.authors) out += person(p, i);
  for (const l of feed.links) out += link(l, i);
  if (feed.generator) out += el("generator", feed.generator, i);
  for (const e of feed.entries) out += entry(e);
  return out + "</feed>\n";
}
