/**
 * The request's UI language, from the `lang` cookie. Server components and route handlers only; it
 * lives outside lib/i18n, which is an engine-rank module and stays framework-free.
 */
import "server-only";
import { cookies } from "next/headers";
import { getMessages, LOCALE_COOKIE, resolveLocale, type Locale, type Messages } from "./i18n/index.ts";

export async function getLocale(): Promise<Locale> {
  return resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value);
}

export async function getI18n(): Promise<{ locale: Locale; t: Messages }> {
  const locale = await getLocale();
  return { locale, t: getMessages(locale) };
}
