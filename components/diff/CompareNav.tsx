"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { format } from "@/lib/i18n/format";
import { COPIED_ATTR, COPY_ATTR, FOCUS_ATTR, SELECTORS } from "@/lib/view/compare-dom";
import { decodeSafely } from "@/lib/view/url";

interface Labels {
  prev: string;
  next: string;
  position: string;
  copyLink: string;
  copied: string;
  expandAll: string;
}

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const ta = document.createElement("textarea");
    ta.value = text;
    document.body.appendChild(ta);
    ta.select();
    document.execCommand("copy");
    ta.remove();
  }
}

function openFold(key: string): HTMLElement | null {
  const el = document.getElementById(key);
  el?.querySelector<HTMLDetailsElement>(SELECTORS.fold)?.setAttribute("open", "");
  return el;
}

/**
 * The compare view's only behaviour: next/previous change (buttons and j/k or n/p), copy-link
 * buttons (delegated from server-rendered `[data-copy]` buttons), expand all, open a folded section
 * when the fragment points at it. The rows' markup is lib/view/html.ts's; the names both rely on are
 * in lib/view/compare-dom.ts.
 */
export function CompareNav({ changeKeys, labels }: { changeKeys: string[]; labels: Labels }) {
  const cursor = useRef(-1);
  const [pos, setPos] = useState(-1);
  const [status, setStatus] = useState("");

  const focusKey = useCallback((key: string) => {
    document.querySelector(SELECTORS.focusedRow)?.removeAttribute(FOCUS_ATTR);
    const el = openFold(key);
    if (!el) return;
    el.setAttribute(FOCUS_ATTR, "true");
    el.scrollIntoView({ block: "start" });
    history.replaceState(history.state, "", `#${key}`);
  }, []);

  const go = useCallback(
    (delta: number) => {
      if (!changeKeys.length) return;
      const next = Math.min(Math.max(cursor.current + delta, 0), changeKeys.length - 1);
      cursor.current = next;
      setPos(next);
      focusKey(changeKeys[next]!);
    },
    [changeKeys, focusKey],
  );

  useEffect(() => {
    const sync = () => {
      const key = decodeSafely(location.hash.slice(1));
      if (!key) return;
      openFold(key);
      const i = changeKeys.indexOf(key);
      if (i >= 0) {
        cursor.current = i;
        setPos(i);
      }
    };
    sync();
    // An already-loaded fragment may point into a section that was folded: scroll again once open.
    if (location.hash)
      document.getElementById(decodeSafely(location.hash.slice(1)))?.scrollIntoView({ block: "start" });
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName))) return;
      if (e.key === "j" || e.key === "n") {
        e.preventDefault();
        go(1);
      } else if (e.key === "k" || e.key === "p") {
        e.preventDefault();
        go(-1);
      }
    };
    const onClick = (e: MouseEvent) => {
      const btn = (e.target as Element | null)?.closest<HTMLElement>(SELECTORS.copyButton);
      if (!btn) return;
      const key = btn.getAttribute(COPY_ATTR) ?? "";
      const url = location.origin + location.pathname + location.search + (key ? `#${key}` : "");
      void copyText(url).then(() => {
        btn.setAttribute(COPIED_ATTR, "true");
        setStatus(`${labels.copied}: ${url}`);
      });
    };
    window.addEventListener("hashchange", sync);
    window.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    return () => {
      window.removeEventListener("hashchange", sync);
      window.removeEventListener("keydown", onKey);
      document.removeEventListener("click", onClick);
    };
  }, [changeKeys, go, labels.copied]);

  const expandAll = () => document.querySelectorAll<HTMLDetailsElement>(SELECTORS.fold).forEach((d) => (d.open = true));

  return (
    <div className="cmp-nav">
      <button
        type="button"
        className="cmp-chip"
        onClick={() => go(-1)}
        aria-keyshortcuts="k p"
        disabled={!changeKeys.length}
      >
        ↑ {labels.prev}
      </button>
      <span className="cmp-nav-pos" data-testid="change-position">
        {format(labels.position, { i: pos >= 0 ? pos + 1 : "–", n: changeKeys.length })}
      </span>
      <button
        type="button"
        className="cmp-chip"
        onClick={() => go(1)}
        aria-keyshortcuts="j n"
        disabled={!changeKeys.length}
      >
        ↓ {labels.next}
      </button>
      <button type="button" className="cmp-chip cmp-expand" onClick={expandAll}>
        {labels.expandAll}
      </button>
      {/* Copies the link to the whole view (an empty key); handled by the delegated click above. */}
      <button type="button" className="cmp-chip" {...{ [COPY_ATTR]: "" }}>
        {labels.copyLink}
      </button>
      <span role="status" aria-live="polite" className="sr-only" data-testid="copy-status">
        {status}
      </span>
    </div>
  );
}
