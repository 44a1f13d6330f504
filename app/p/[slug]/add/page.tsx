import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { addVersionAction, detectAction } from "@/app/_import/actions";
import { VersionForm } from "@/components/import/VersionForm";
import { requireAdminPage } from "@/lib/auth-session";
import { getPolicy, parseParams, policyParamsSchema } from "@/lib/data";
import { format } from "@/lib/i18n";
import { getI18n } from "@/lib/i18n-server";
import { policyPath } from "@/lib/view/url";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.importer.addVersion };
}

export default async function AddVersionPage({ params }: Props) {
  const p = parseParams(policyParamsSchema, await params);
  if (!p.ok) notFound();
  await requireAdminPage(`${policyPath(p.data.slug)}/add`);
  const [policy, { t }] = await Promise.all([getPolicy(p.data.slug), getI18n()]);
  if (!policy) notFound();
  return (
    <div className="space-y-6">
      <nav className="text-sm">
        <Link href={policyPath(policy.slug)}>← {policy.name}</Link>
      </nav>
      <h1 className="text-2xl font-semibold">{format(t.importer.addTitle, { name: policy.name })}</h1>
      <VersionForm
        mode="add"
        slug={policy.slug}
        m={t.importer}
        detectAction={detectAction}
        saveAction={addVersionAction}
      />
    </div>
  );
}
