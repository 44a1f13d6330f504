/** What a page shows while its data loads (the segments' loading.tsx). */
import { getI18n } from "@/lib/i18n-server";

export async function Loading() {
  const { t } = await getI18n();
  return (
    <div role="status" aria-live="polite" className="space-y-3 py-6">
      <p className="text-sm text-stone-500">{t.common.loading}</p>
      <div aria-hidden className="h-7 w-2/3 animate-pulse rounded bg-stone-200" />
      <div aria-hidden className="h-4 w-full animate-pulse rounded bg-stone-100" />
      <div aria-hidden className="h-4 w-5/6 animate-pulse rounded bg-stone-100" />
    </div>
  );
}
