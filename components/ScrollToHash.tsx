"use client";
/**
 * Scrolls to the element the URL's fragment names once the page's content is in place. A page that
 * streams (loading.tsx) mounts its content after the browser or the router looked for the fragment, so
 * /p/{slug}/v/{key}#s-… (a search hit, a shared link) would otherwise open at the top.
 */
import { useEffect } from "react";
import { decodeSafely } from "@/lib/view/url";

export function ScrollToHash() {
  useEffect(() => {
    const id = decodeSafely(location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView({ block: "start" });
  }, []);
  return null;
}
