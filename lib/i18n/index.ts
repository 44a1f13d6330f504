/**
 * UI languages. Chinese is the default; English is available through the switch in the header,
 * remembered in the `lang` cookie. All UI strings live in ./messages/<locale>.ts.
 * Framework-free: the cookie is read in lib/i18n-server.ts (server code, outside the engine's stages).
 */
import { en } from "./messages/en.ts";
import { zh, type Messages } from "./messages/zh.ts";

export { format } from "./format.ts";

export type { Messages };
export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh";
export const LOCALE_COOKIE = "lang";
/** One year. */
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

const catalogs: Record<Locale, Messages> = { zh, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** A cookie value -> a supported locale (the default for anything else). */
export function resolveLocale(value: string | null | undefined): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export function getMessages(locale: Locale): Messages {
  return catalogs[locale];
}

/** The `lang` attribute for <html>. */
export function htmlLang(locale: Locale): string {
  return locale === "zh" ? "zh-CN" : "en";
}

/** An ISO date (YYYY-MM-DD) for display: 2022年6月29日 / Jun 29, 2022. */
export function formatDate(iso: string, locale: Locale): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-US", {
    year: "numeric",
    month: locale === "zh" ? "long" : "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(d);
}
