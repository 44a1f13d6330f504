"use server";
/** Signing in with the admin token and out again; the sign-in page passes these to its form. */
import { redirect } from "next/navigation";
import type { SignInState } from "@/components/import/SignInForm";
import { endSession, safeNext, startSession } from "@/lib/auth-session";
import { format } from "@/lib/i18n";
import { getI18n } from "@/lib/i18n-server";

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const { t } = await getI18n();
  const token = form.get("token");
  if (typeof token !== "string" || token.trim() === "") return { message: t.importer.signIn.missing };
  const result = await startSession(token);
  if (!result.ok) {
    if (result.status === 429) return { message: format(t.importer.signIn.tooMany, { seconds: result.waitSeconds }) };
    return { message: result.status === 503 ? t.importer.writesDisabled : t.importer.signIn.wrong };
  }
  redirect(safeNext(form.get("next")));
}

export async function signOutAction(): Promise<void> {
  await endSession();
  redirect("/");
}
