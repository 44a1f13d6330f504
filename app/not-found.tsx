import Link from "next/link";
import { getI18n } from "@/lib/i18n-server";

export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <div className="space-y-3 py-10">
      <p className="text-sm font-medium text-stone-500">404</p>
      <h1 className="text-2xl font-semibold">{t.errors.notFoundTitle}</h1>
      <p className="text-stone-600">{t.errors.notFoundBody}</p>
      <p>
        <Link href="/">{t.errors.backHome}</Link>
      </p>
    </div>
  );
}
