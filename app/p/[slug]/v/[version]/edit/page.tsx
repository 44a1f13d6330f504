import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { deleteVersionAction, updateVersionAction } from "@/app/_import/actions";
import { DeleteVersionForm, EditVersionForm } from "@/components/import/ManageVersion";
import { requireAdminPage } from "@/lib/auth-session";
import { getVersion, parseParams, versionParamsSchema } from "@/lib/data";
import { format } from "@/lib/i18n";
import { getI18n } from "@/lib/i18n-server";
import { versionPath } from "@/lib/view/url";

type Props = { params: Promise<{ slug: string; version: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.importer.manage };
}

export default async function EditVersionPage({ params }: Props) {
  const p = parseParams(versionParamsSchema, await params);
  if (!p.ok) notFound();
  const { slug, version: key } = p.data;
  await requireAdminPage(`${versionPath(slug, key)}/edit`);
  const [v, { t }] = await Promise.all([getVersion(slug, key), getI18n()]);
  if (!v) notFound();
  const m = t.importer;
  return (
    <div className="space-y-8">
      <nav className="text-sm">
        <Link href={versionPath(slug, key)}>
          ← {v.policy.name} {key}
        </Link>
      </nav>
      <section className="space-y-4">
        <h1 className="text-2xl font-semibold">{format(m.editTitle, { key })}</h1>
        <p className="text-sm text-stone-500">{m.keyChangeHint}</p>
        <EditVersionForm
          slug={slug}
          version={{
            key,
            publishedAt: v.publishedAt,
            effectiveAt: v.effectiveAt,
            label: v.label,
            sourceUrl: v.sourceUrl,
            note: v.note,
          }}
          m={m}
          action={updateVersionAction}
        />
      </section>
      <section className="space-y-3 border-t border-stone-200 pt-6">
        <h2 className="text-lg font-semibold text-red-800">{m.deleteTitle}</h2>
        <DeleteVersionForm slug={slug} versionKey={key} m={m} action={deleteVersionAction} />
      </section>
    </div>
  );
}
