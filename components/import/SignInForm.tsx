"use client";
import { useActionState } from "react";
import { signInAction, type SignInState } from "@/app/signin/actions";
import type { Messages } from "@/lib/i18n";

export function SignInForm({ next, m }: { next: string; m: Messages["importer"]["signIn"] }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { message: null });
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
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800 disabled:opacity-60"
      >
        {m.submit}
      </button>
    </form>
  );
}
