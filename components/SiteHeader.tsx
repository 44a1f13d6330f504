import Link from "next/link";
import type { Locale, Messages } from "@/lib/i18n";
import { LanguageSwitch } from "./LanguageSwitch";
import { SearchBox } from "./search/SearchBox";

export function SiteHeader({ t, locale }: { t: Messages; locale: Locale }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-semibold text-stone-900 no-underline hover:no-underline">
          {t.meta.siteName}
        </Link>
        <SearchBox t={t} />
        <nav className="flex items-center gap-4 text-sm" aria-label={t.nav.language}>
          <Link href="/">{t.nav.home}</Link>
          <LanguageSwitch label={t.nav.switchTo} title={t.nav.switchToLabel} target={locale === "zh" ? "en" : "zh"} />
        </nav>
      </div>
    </header>
  );
}
