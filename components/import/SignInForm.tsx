"use client";
import { useActionState } from "react";
import type { Messages } from "@/lib/i18n";
import { primaryButtonClass } from "./fields";

/** What the sign-in action answers: a sentence when the token was refused. */
export interface SignInState {
  message: string | null;
}

/** The sign-in action, passed in by the page (app/signin/actions.ts). */
export type SignInAction = (state: SignInState, form: FormData) => Promise<SignInState>;

export function SignInForm({
  next,
  m,
  action: signIn,
}: {
  next: string;
  m: Messages["importer"]["signIn"];
  action: SignInAction;
}) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, { message: null });
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="next" value={next} />
      <label className="block space-y-1">
        <span className="text-sm font-medium">{m.token}</span>
        <input
          type="password"
          name="token"
          required
          autoComplete="current-password"
          className="w-full rounded-md border border-stone-300 px-3 py-2"
          aria-describedby={state.message ? "signin-error" : undefined}
        />
      </label>
      {state.message ? (
        <p id="signin-error" role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {m.submit}
      </button>
    </form>
  );
}
