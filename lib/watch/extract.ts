/**
 * The policy's part of a fetched page (docs/decisions/0025-watching-sources.md): an optional CSS
 * selector picks elements of an HTML page, optional start/end markers cut the converted text. Pure
 * apart from the ingest runner (lib/ingest, in a worker thread in the app).
 *
 * The selector is a small subset of CSS, enough for the pages policies live on: one or more
 * comma-separated alternatives, each a compound of a tag name, `#id`, `.class`es and `[attr]` /
 * `[attr=value]`, optionally with descendant combinators (`main .policy`). Anything else is refused
 * by `parseSelector` (the API answers 422), never silently matched differently.
 */
import { createHash } from "node:crypto";
import { DomUtils, parseDocument } from "htmlparser2";
import { isTag, type Element } from "domhandler";
import { contentHash, type IngestResult } from "../ingest/index.ts";
import { decodeBytes } from "../ingest/decode.ts";
import type { IngestRunner } from "../import/source.ts";

export interface ExtractionRules {
  selector?: string | null;
  startMarker?: string | null;
  endMarker?: string | null;
}

/** One compound selector: every part must hold for an element. */
interface Compound {
  tag: string | null;
  id: string | null;
  classes: string[];
  attributes: { name: string; value: string | null }[];
}

/** Alternatives (comma), each a chain of compounds (descendant combinator). */
export type ParsedSelector = Compound[][];

export class SelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SelectorError";
  }
}

const COMPOUND = /^([a-zA-Z][\w-]*|\*)?((?:#[\w-]+|\.[\w-]+|\[[\w-]+(?:=(?:"[^"]*"|'[^']*'|[\w-]+))?\])*)$/;

function parseCompound(part: string, whole: string): Compound {
  const m = COMPOUND.exec(part);
  if (!m || part === "")
    throw new SelectorError(`Unsupported selector "${whole}": use tag, #id, .class, [attr=value] and spaces.`);
  const compound: Compound = {
    tag: m[1] && m[1] !== "*" ? m[1].toLowerCase() : null,
    id: null,
    classes: [],
    attributes: [],
  };
  for (const piece of (m[2] ?? "").match(/#[\w-]+|\.[\w-]+|\[[^\]]+\]/g) ?? []) {
    if (piece.startsWith("#")) compound.id = piece.slice(1);
    else if (piece.startsWith(".")) compound.classes.push(piece.slice(1));
    else {
      const [name, value] = piece.slice(1, -1).split(/=(.*)/s);
      compound.attributes.push({
        name: name!.toLowerCase(),
        value: value === undefined ? null : value.replace(/^["']|["']$/g, ""),
      });
    }
  }
  return compound;
}

/** Parses the supported subset; throws SelectorError with a sentence for anything else. */
export function parseSelector(selector: string): ParsedSelector {
  const alternatives = selector.split(",").map((a) => a.trim());
  if (alternatives.some((a) => a === "")) throw new SelectorError(`Empty alternative in selector "${selector}".`);
  return alternatives.map((a) => a.split(/\s+/).map((part) => parseCompound(part, selector)));
}

function matchesCompound(el: Element, c: Compound): boolean {
  if (c.tag && el.name.toLowerCase() !== c.tag) return false;
  if (c.id && el.attribs.id !== c.id) return false;
  const classes = (el.attribs.class ?? "").split(/\s+/);
  if (c.classes.some((cls) => !classes.includes(cls))) return false;
  return c.attributes.every((a) => (a.value === null ? a.name in el.attribs : el.attribs[a.name] === a.value));
}

function matchesChain(el: Element, chain: Compound[]): boolean {
  const last = chain[chain.length - 1]!;
  if (!matchesCompound(el, last)) return false;
  let i = chain.length - 2;
  for (let parent = el.parent; parent && i >= 0; parent = parent.parent) {
    if (isTag(parent) && matchesCompound(parent, chain[i]!)) i--;
  }
  return i < 0;
}

/** The outer HTML of the outermost elements the selector matches, in document order; null when none. */
export function selectHtml(html: string, selector: ParsedSelector): string | null {
  const doc = parseDocument(html);
  const matched = DomUtils.findAll((el) => selector.some((chain) => matchesChain(el, chain)), doc.children);
  const chosen = new Set(matched);
  const insideAnother = (el: Element) => {
    for (let p = el.parent; p; p = p.parent) if (chosen.has(p as Element)) return true;
    return false;
  };
  const outermost = matched.filter((el) => !insideAnother(el));
  return outermost.length
    ? outermost.map((el) => DomUtils.getOuterHTML(el, { encodeEntities: "utf8" })).join("\n")
    : null;
}

/** The text from the start marker (included) to the end marker (excluded); null when a marker is missing. */
export function cutBetweenMarkers(text: string, rules: ExtractionRules): string | null {
  let from = 0;
  let to = text.length;
  if (rules.startMarker) {
    from = text.indexOf(rules.startMarker);
    if (from < 0) return null;
  }
  if (rules.endMarker) {
    to = text.indexOf(rules.endMarker, from + (rules.startMarker?.length ?? 0));
    if (to < 0) return null;
  }
  return text.slice(from, to).trim();
}

/** The identity of a set of rules: a change means earlier extractions are not comparable. */
export function extractionKey(rules: ExtractionRules): string {
  const canonical = JSON.stringify([
    rules.selector?.trim() || null,
    rules.startMarker || null,
    rules.endMarker || null,
  ]);
  return createHash("sha256").update(canonical).digest("hex").slice(0, 16);
}

export interface RawDocument {
  bytes: Uint8Array;
  mediaType: string;
  charset?: string | null;
}

export interface Extraction {
  result: IngestResult;
  /** lib/ingest's content hash of the extracted text (what versions are deduplicated by). */
  textHash: string;
}

export class ExtractionError extends Error {
  constructor(
    readonly code: "selector_no_match" | "marker_not_found",
    message: string,
  ) {
    super(message);
    this.name = "ExtractionError";
  }
}

/** Bytes of a fetch -> the policy's text under the rules. Throws ExtractionError or IngestError. */
export async function extract(raw: RawDocument, rules: ExtractionRules, ingest: IngestRunner): Promise<Extraction> {
  const contentType = raw.charset ? `${raw.mediaType}; charset=${raw.charset}` : raw.mediaType;
  let result: IngestResult;
  const isHtml = raw.mediaType === "text/html" || raw.mediaType === "application/xhtml+xml";
  if (rules.selector && isHtml) {
    const html = decodeBytes(raw.bytes, contentType).text;
    const part = selectHtml(html, parseSelector(rules.selector));
    if (part === null)
      throw new ExtractionError("selector_no_match", `Nothing on the page matches the selector "${rules.selector}".`);
    result = await ingest.text(part, { format: "html" });
  } else {
    result = await ingest.bytes(raw.bytes, { contentType });
  }
  if (rules.startMarker || rules.endMarker) {
    const cut = cutBetweenMarkers(result.text, rules);
    if (cut === null)
      throw new ExtractionError("marker_not_found", "The start or end marker is not in the page's text.");
    result = { ...result, text: cut };
  }
  return { result, textHash: contentHash(result.text) };
}
