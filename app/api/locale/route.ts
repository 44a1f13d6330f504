/** POST /api/locale (form: locale, next): remembers the UI language in a cookie, then goes back. */
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { invalidInput } from "@/lib/data/api";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, LOCALES } from "@/lib/i18n";
import { localPathSchema } from "@/lib/validations/redirect";

const bodySchema = z.object({
  locale: z.enum(LOCALES),
  // Only a path on this site, so this is not an open redirect; anything else goes home.
  next: localPathSchema.optional().catch(undefined),
});

export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  const parsed = bodySchema.safeParse({
    locale: form?.get("locale") ?? undefined,
    next: form?.get("next") ?? undefined,
  });
  if (!parsed.success) {
    return invalidInput(parsed.error.issues, "locale must be one of: " + LOCALES.join(", "));
  }
  // A relative Location: correct behind any proxy or host name.
  const response = new NextResponse(null, { status: 303, headers: { Location: parsed.data.next ?? "/" } });
  response.cookies.set(LOCALE_COOKIE, parsed.data.locale, {
    path: "/",
    maxAge: LOCALE_COOKIE_MAX_AGE,
    sameSite: "lax",
    httpOnly: false,
  });
  return response;
}
