import type { Metadata } from "next";
import { SignInForm } from "@/components/import/SignInForm";
import { isAdmin, safeNext, writesEnabled } from "@/lib/auth-session";
import { getI18n } from "@/lib/i18n-server";
import { signInAction, signOutAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.importer.signIn.title, robots: { index: false } };
}

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const [{ t }, params, signedIn] = await Promise.all([getI18n(), searchParams, isAdmin()]);
  const m = t.importer.signIn;
  const next = safeNext(params.next);
  return (
    <div className="max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">{m.title}</h1>
      {!writesEnabled() ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t.importer.writesDisabled}
        </p>
      ) : signedIn ? (
        <div className="space-y-3">
          <p className="text-stone-700">{m.already}</p>
          <form action={signOutAction}>
            <button type="submit" className="rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100">
              {m.signOut}
            </button>
          </form>
        </div>
      ) : (
        <>
          <p className="text-sm text-stone-600">{m.intro}</p>
          <SignInForm next={next} m={m} action={signInAction} />
        </>
      )}
    </div>
  );
}
