/**
 * HTML that is safe by construction. A `SafeHtml` can only be made here: by the `html` template tag,
 * which escapes every interpolated value unless it is itself SafeHtml, by `attrs` (escaped attribute
 * values) and by `joinHtml`. Nothing else can turn a string into SafeHtml (the constructor is private),
 * so a document's text can never reach the page as markup by mistake: passing a raw string where
 * SafeHtml is expected does not compile (./safe-html.typecheck.ts, checked by html.test.ts).
 *
 *   html`<a href="#${key}">${label}</a>`   key and label are escaped
 *   html`<p>${runsHtml(runs)}</p>`          SafeHtml is inserted as it is
 *
 * The page inserts SafeHtml in one place (components/diff/HtmlBlock.tsx). Framework-free.
 */

import { withoutControlChars } from "../text/chars.ts";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or an attribute value as HTML: & < > " ' escaped, control characters dropped (never shown as boxes). */
export function escapeHtml(s: string): string {
  return withoutControlChars(s).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** What a template may interpolate: text and numbers (escaped), SafeHtml (as is), lists of these; nothing for null/undefined/false. */
export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

export class SafeHtml {
  readonly #html: string;

  private constructor(html: string) {
    this.#html = html;
  }

  /** The markup, for the one place that inserts it. */
  toString(): string {
    return this.#html;
  }

  isEmpty(): boolean {
    return this.#html === "";
  }

  static readonly empty: SafeHtml = new SafeHtml("");

  /** `reviveHtml` (exported below). */
  static readonly revive = (t: TransferredHtml): SafeHtml => new SafeHtml(t.markup);

  /** The `html` template tag (exported below). */
  static readonly template = (strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml => {
    let out = strings[0]!;
    for (let i = 0; i < values.length; i++) out += SafeHtml.#render(values[i]) + strings[i + 1]!;
    return new SafeHtml(out);
  };

  /** `joinHtml` (exported below). */
  static readonly join = (parts: readonly HtmlValue[], separator: HtmlValue = ""): SafeHtml => {
    const sep = SafeHtml.#render(separator);
    return new SafeHtml(parts.map((p) => SafeHtml.#render(p)).join(sep));
  };

  /** `attrs` (exported below). */
  static readonly attributes = (
    list: Readonly<Record<string, string | number | boolean | null | undefined>>,
  ): SafeHtml => {
    let out = "";
    for (const [name, value] of Object.entries(list)) {
      if (!ATTRIBUTE_NAME.test(name)) throw new Error(`Not an attribute name: ${JSON.stringify(name)}`);
      if (value !== null && value !== undefined && value !== false) out += ` ${name}="${escapeHtml(String(value))}"`;
    }
    return new SafeHtml(out);
  };

  static #render(value: HtmlValue): string {
    if (value instanceof SafeHtml) return value.#html;
    if (value === null || value === undefined || value === false) return "";
    if (typeof value === "string") return escapeHtml(value);
    if (typeof value === "number") return String(value);
    let out = "";
    for (const v of value) out += SafeHtml.#render(v);
    return out;
  }
}

const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;

declare const transferred: unique symbol;

/**
 * SafeHtml as plain data, to cross a worker thread's boundary (lib/work renders pages in threads, and
 * a structured clone keeps no class and no private field). Made only by `transferHtml` from SafeHtml,
 * turned back only by `reviveHtml`; a raw string is no TransferredHtml, so the guarantee holds across.
 */
export type TransferredHtml = { readonly markup: string } & { readonly [transferred]: true };

export function transferHtml(h: SafeHtml): TransferredHtml {
  return { markup: h.toString() } as TransferredHtml;
}

/** SafeHtml again, from what `transferHtml` made in another thread. */
export const reviveHtml = SafeHtml.revive;

/** The escaping template tag: html`<p class="x">${text}</p>`. */
export const html = SafeHtml.template;

/** Several pieces as one, with an optional separator (text is escaped, SafeHtml kept). */
export const joinHtml = SafeHtml.join;

/**
 * ` name="value"` pairs for a tag: values escaped; null, undefined and false leave the attribute out
 * (like React's attributes). Names are the code's own (checked: lowercase letters, digits, hyphens).
 */
export const attrs = SafeHtml.attributes;
