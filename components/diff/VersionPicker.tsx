"use client";
/**
 * Switches one side of the comparison in place, by search: the page ships only the current choice;
 * opening the picker lists the same policy's versions, typing searches every policy
 * (GET /api/versions), at most 20 at a time. Each result is a link to the resulting compare view, so
 * the page stays the same size however many versions there are.
 */
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { compareHref, type VersionAddress } from "@/lib/view/url";
import type { ViewOptions } from "@/lib/view/types";

interface Choice {
  slug: string;
  policyName: string;
  key: string;
  publishedAt: string | null;
  label: string | null;
}

export interface PickerLabels {
  pick: string;
  search: string;
  noMatch: string;
  loading: string;
  failed: string;
  cancel: string;
  undated: string;
}

export function VersionPicker({
  label,
  which,
  current,
  other,
  options,
  labels,
}: {
  /** The accessible name, e.g. "Switch version: Base". */
  label: string;
  which: "from" | "to";
  current: VersionAddress;
  /** The other side, kept as it is. */
  other: VersionAddress;
  options: ViewOptions;
  labels: PickerLabels;
}) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [state, setState] = useState<{ status: "idle" | "loading" | "failed" | "done"; items: Choice[] }>({
    status: "idle",
    items: [],
  });
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const params = new URLSearchParams({ limit: "20" });
    if (query.trim()) params.set("q", query.trim());
    else params.set("policy", current.slug);
    const timer = setTimeout(
      () => {
        setState((s) => ({ ...s, status: "loading" }));
        fetch(`/api/versions?${params.toString()}`, { signal: controller.signal })
          .then((r) =>
            r.ok ? (r.json() as Promise<{ versions: Choice[] }>) : Promise.reject(new Error(String(r.status))),
          )
          .then((body) => setState({ status: "done", items: body.versions }))
          .catch(() => {
            if (!controller.signal.aborted) setState({ status: "failed", items: [] });
          });
      },
      query ? 200 : 0,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, query, current.slug]);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  const hrefFor = (c: Choice) => {
    const picked = { slug: c.slug, key: c.key };
    return which === "from" ? compareHref(picked, other, options) : compareHref(other, picked, options);
  };
  const name = (c: Choice) => {
    const date = c.key.replace(/^undated/, labels.undated);
    return `${c.policyName} · ${date}${c.label && c.label !== date ? ` · ${c.label}` : ""}`;
  };

  if (!open)
    return (
      <button type="button" className="cmp-chip cmp-pick" aria-label={label} onClick={() => setOpen(true)}>
        {labels.pick}
      </button>
    );
  return (
    <div className="cmp-picker" onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <input
        ref={input}
        type="search"
        aria-label={label}
        aria-controls={listId}
        placeholder={labels.search}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <button type="button" className="cmp-chip" onClick={() => setOpen(false)}>
        {labels.cancel}
      </button>
      <ul id={listId} aria-label={label} aria-busy={state.status === "loading"}>
        {state.status === "failed" ? <li className="cmp-picker-note">{labels.failed}</li> : null}
        {state.status === "loading" && !state.items.length ? (
          <li className="cmp-picker-note">{labels.loading}</li>
        ) : null}
        {state.status === "done" && !state.items.length ? <li className="cmp-picker-note">{labels.noMatch}</li> : null}
        {state.items.map((c) => (
          <li key={`${c.slug}@${c.key}`}>
            <Link
              // No prefetch: each result would ask the server for a comparison nobody chose yet.
              prefetch={false}
              href={hrefFor(c)}
              aria-current={c.slug === current.slug && c.key === current.key ? "true" : undefined}
              onClick={() => setOpen(false)}
            >
              {name(c)}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
