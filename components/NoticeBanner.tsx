"use client";
/**
 * Shows a notice once: announced politely (role="status"), and its query parameter is taken out of
 * the address (history.replaceState), so a reload or a copied link does not repeat it.
 */
import { useEffect, useState } from "react";

export function NoticeBanner({ param, text, dismiss }: { param: string; text: string; dismiss: string }) {
  const [shown, setShown] = useState(true);
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has(param)) return;
    url.searchParams.delete(param);
    window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
  }, [param]);
  if (!shown) return null;
  return (
    <div
      role="status"
      data-testid="notice"
      className="flex items-start justify-between gap-4 rounded-md border border-teal-300 bg-teal-50 px-4 py-3 text-sm text-teal-900"
    >
      <p>{text}</p>
      <button
        type="button"
        onClick={() => setShown(false)}
        className="text-teal-800 underline-offset-2 hover:underline"
      >
        {dismiss}
      </button>
    </div>
  );
}
