/**
 * Type-level tests of SafeHtml, compiled by tsc (`npx tsc --noEmit`, and by safe-html.test.ts): every
 * line under `@ts-expect-error` must fail to compile, or tsc reports the directive itself as unused.
 * Nothing here runs.
 */
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/restrict-plus-operands --
   the lines marked @ts-expect-error are deliberate type errors; lint sees them as the errors they are. */
import { attrs, html, joinHtml, SafeHtml } from "./safe-html.ts";

declare const text: string;
declare function insert(markup: SafeHtml): void;

export function cases(): void {
  // @ts-expect-error -- a raw string is not SafeHtml
  insert(text);
  // @ts-expect-error -- nor is markup written as a template literal
  insert(`<p>${text}</p>`);
  // @ts-expect-error -- nor can a string be wrapped by hand: the constructor is private
  insert(new SafeHtml(text));
  // @ts-expect-error -- nor does a cast from string work without going through unknown
  insert(text as SafeHtml);
  // @ts-expect-error -- SafeHtml is not a string either, so it cannot be concatenated into one by mistake
  insert(html`<p>` + text);
  // @ts-expect-error -- a plain object is not a value the template accepts
  insert(html`<p>${{ toString: () => text }}</p>`);

  // What does compile: everything built by the escaping builders.
  insert(html`<p>${text}</p>`);
  insert(html`<a${attrs({ href: `#${text}` })}>${text}</a>`);
  insert(joinHtml([html`<li>${text}</li>`, text, 3, null]));
  insert(SafeHtml.empty);
}
