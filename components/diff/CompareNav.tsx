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
  outline: string;
  outlineClose: string;
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

/** Moves keyboard focus to a row, so Tab goes on from the change a reader jumped to (not from the top). */
function focusRow(el: HTMLElement): void {
  if (!el.hasAttribute("tabindex")) el.tabIndex = -1;
  el.focus({ preventScroll: true });
}

/** The focusable controls and links of a container, in Tab order (for the drawer's focus trap). */
function tabbables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>("a[href], button:not([disabled])")].filter(
    (el) => el.getClientRects().length > 0,
  );
}

/**
 * The compare view's only behaviour: next/previous change (buttons and j/k or n/p, moving focus to
 * the change), copy-link buttons (delegated from server-rendered `[data-copy]` buttons), expand all,
 * open (and focus) a folded section when the fragment points at it, and on screens too narrow for the
 * outline column, the outline in a modal drawer (a copy of the outline's list, with next/previous). The rows' markup is lib/view/html.ts's; the names both rely on are
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
    focusRow(el);
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
      const el = openFold(key);
      if (el && document.activeElement !== el) focusRow(el);
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

  const drawer = useRef<HTMLDialogElement>(null);
  const drawerList = useRef<HTMLOListElement>(null);
  const drawerButton = useRef<HTMLButtonElement>(null);
  /** Set when the drawer closes because the reader went somewhere: focus then stays where they went. */
  const leaving = useRef(false);

  const openDrawer = () => {
    const source = document.querySelector(SELECTORS.outlineList);
    if (!drawer.current || !drawerList.current || !source) return;
    drawerList.current.replaceChildren(...[...source.children].map((li) => li.cloneNode(true)));
    leaving.current = false;
    drawer.current.showModal();
  };
  const closeDrawer = (goingTo: "away" | "back") => {
    leaving.current = goingTo === "away";
    drawer.current?.close();
  };
  // Escape closes a modal dialog by itself; whichever way it closes, focus returns to the button
  // that opened it, unless the reader chose a section or a change (focus then moves there).
  const onDrawerClose = () => {
    if (!leaving.current) drawerButton.current?.focus();
  };
  const onDrawerKey = (e: React.KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== "Tab" || !drawer.current) return;
    const all = tabbables(drawer.current);
    const [first, last] = [all[0], all[all.length - 1]];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  const onDrawerClick = (e: React.MouseEvent<HTMLDialogElement>) => {
    // A section link: close, then the fragment navigation (and the hashchange handler) moves focus.
    if ((e.target as Element).closest("a[href^='#']")) closeDrawer("away");
    // A click on the backdrop (outside the sheet) closes it like Escape does.
    else if (e.target === drawer.current) closeDrawer("back");
  };
  const goFromDrawer = (delta: number) => {
    closeDrawer("away");
    go(delta);
  };

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
      <button
        ref={drawerButton}
        type="button"
        className="cmp-chip cmp-drawer-open"
        aria-haspopup="dialog"
        onClick={openDrawer}
        data-testid="outline-drawer-open"
      >
        {labels.outline}
      </button>
      <dialog
        ref={drawer}
        className="cmp-drawer"
        aria-labelledby="cmp-drawer-title"
        onClose={onDrawerClose}
        onKeyDown={onDrawerKey}
        onClick={onDrawerClick}
        data-testid="outline-drawer"
      >
        <div className="cmp-drawer-head">
          <h2 id="cmp-drawer-title">{labels.outline}</h2>
          <button type="button" className="cmp-chip" onClick={() => goFromDrawer(-1)} disabled={!changeKeys.length}>
            ↑ {labels.prev}
          </button>
          <button type="button" className="cmp-chip" onClick={() => goFromDrawer(1)} disabled={!changeKeys.length}>
            ↓ {labels.next}
          </button>
          <button type="button" className="cmp-chip" onClick={() => closeDrawer("back")}>
            {labels.outlineClose}
          </button>
        </div>
        <ol ref={drawerList} className="cmp-drawer-list" />
      </dialog>
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
