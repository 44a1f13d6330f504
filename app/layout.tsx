import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/SiteHeader";
import { isAdmin } from "@/lib/auth-session";
import { signOutAction } from "./signin/actions";
import { htmlLang } from "@/lib/i18n";
import { getI18n } from "@/lib/i18n-server";
import { feedAlternates } from "@/lib/feed/paths";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { locale, t } = await getI18n();
  return {
    title: { default: t.meta.siteName, template: `%s · ${t.meta.siteName}` },
    description: t.meta.description,
    alternates: feedAlternates([{ slug: null, title: t.feed.subscribeAll }], locale),
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [{ locale, t }, signedIn] = await Promise.all([getI18n(), isAdmin()]);
  return (
    <html lang={htmlLang(locale)}>
      <body className="min-h-screen">
        <a className="skip-link" href="#main">
          {t.nav.skipToContent}
        </a>
        <SiteHeader t={t} locale={locale} signOut={signedIn ? signOutAction : null} />
        <main id="main" tabIndex={-1} className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}
