/**
 * The one fill-in for `{name}` placeholders in UI messages. Its own module (no catalogues), so client
 * components can use it without bundling every language's messages.
 */

/** Fills `{name}` placeholders: format("{count} versions", {count: 3}). Unknown names stay as they are. */
export function format(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
