"use server";
/**
 * The policy page's "check now" button (admins only): checks the watched source, then shows the page
 * again with the check at the top of its log. A check's failure is recorded in the log, not thrown;
 * a check already under way is waited for (lib/watch/sources.ts checkNow).
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { webAuth } from "@/lib/auth-session";
import { slugSchema } from "@/lib/validations/common";
import { checkNow, CheckInProgressError, NotWatchedError } from "@/lib/watch/sources";
import { appWatchDeps } from "@/lib/watch/runtime";
import { policyPath } from "@/lib/view/url";

export async function checkNowAction(form: FormData): Promise<void> {
  const slug = slugSchema.safeParse(form.get("slug"));
  if (!slug.success) redirect("/");
  if (!(await webAuth()).ok) redirect(`/signin?next=${encodeURIComponent(policyPath(slug.data))}`);
  try {
    await checkNow(slug.data, appWatchDeps());
  } catch (error) {
    // Nothing to check, or another check is under way: the page shows the log as it stands.
    if (!(error instanceof NotWatchedError) && !(error instanceof CheckInProgressError)) throw error;
  }
  revalidatePath(policyPath(slug.data));
  redirect(`${policyPath(slug.data)}#watch`);
}
