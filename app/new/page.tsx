import type { Metadata } from "next";
import { createPolicyAction, detectAction } from "@/app/_import/actions";
import { VersionForm } from "@/components/import/VersionForm";
import { requireAdminPage } from "@/lib/auth-session";
import { getI18n } from "@/lib/i18n-server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.importer.newTitle };
}

export default async function NewPolicyPage() {
  await requireAdminPage("/new");
  const { t } = await getI18n();
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t.importer.newTitle}</h1>
        <p className="text-sm text-stone-600">{t.importer.newIntro}</p>
      </header>
      <VersionForm mode="create" m={t.importer} detectAction={detectAction} saveAction={createPolicyAction} />
    </div>
  );
}
