import Link from "next/link";
import type { Locale, Messages } from "@/lib/i18n";
import { LanguageSwitch } from "./LanguageSwitch";
import { SearchBox } from "./search/SearchBox";

/** Whether the reader is signed in with the admin token, and the way out (ADR 0023). */
function SessionState({ t, signOut }: { t: Messages; signOut: () => Promise<void> }) {
  return (
    <form action={signOut} className="flex items-center gap-2" data-testid="session">
      <span title={t.session.signedInTitle} className="rounded bg-teal-50 px-2 py-0.5 text-xs text-teal-900">
        {t.session.signedIn}
      </span>
      <button type="submit" className="text-sm text-teal-800 underline-offset-2 hover:underline">
        {t.session.signOut}
      </button>
    </form>
  );
}

export function SiteHeader({
  t,
  locale,
  signOut,
}: {
  t: Messages;
  locale: Locale;
  /** The sign-out action when the reader is signed in (app/signin/actions.ts), else null. */
  signOut: (() => Promise<void>) | null;
}) {
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
        {signOut ? <SessionState t={t} signOut={signOut} /> : null}
      </div>
    </header>
  );
}
