import Link from "next/link";
import { PolicyList } from "@/components/PolicyList";
import { listPolicies } from "@/lib/data";
import { getI18n } from "@/lib/i18n-server";
import { feedPath } from "@/lib/feed/paths";

export default async function HomePage() {
  const [{ locale, t }, policies] = await Promise.all([getI18n(), listPolicies()]);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t.home.title}</h1>
        <p className="text-stone-600">{t.home.intro}</p>
      </div>
      <section className="space-y-3">
        <h2 className="text-sm font-medium tracking-wide text-stone-500">{t.home.policies}</h2>
        <PolicyList policies={policies} t={t} locale={locale} />
        <p className="flex flex-wrap gap-x-6 text-sm">
          <Link href="/new">+ {t.importer.newPolicy}</Link>
          <a href={feedPath(null, locale)} type="application/atom+xml" data-testid="subscribe">
            {t.feed.subscribeAll}
          </a>
        </p>
      </section>
    </div>
  );
}
