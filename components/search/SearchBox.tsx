/**
 * The header's search box: a plain GET form to /search?q=…, so it works without JavaScript and the
 * results page is a shareable link.
 */
import type { Messages } from "@/lib/i18n";

export function SearchBox({ t, defaultValue }: { t: Messages; defaultValue?: string }) {
  return (
    <form
      action="/search"
      method="get"
      role="search"
      aria-label={t.search.boxLabel}
      className="flex min-w-0 flex-1 gap-1 sm:max-w-xs"
    >
      <input
        type="search"
        name="q"
        defaultValue={defaultValue}
        maxLength={200}
        placeholder={t.search.placeholder}
        aria-label={t.search.boxLabel}
        className="min-w-0 flex-1 rounded border border-stone-300 px-2 py-1 text-sm"
      />
      <button
        type="submit"
        className="rounded border border-stone-300 bg-stone-50 px-2 py-1 text-sm hover:bg-stone-100"
      >
        {t.search.submit}
      </button>
    </form>
  );
}
