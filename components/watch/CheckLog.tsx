/**
 * A policy's watched source and its check log (lib/watch/sources.ts): every check with its time,
 * HTTP status, size and outcome; errors are shown with their reason, never hidden.
 */
import Link from "next/link";
import type { CheckRecord } from "@/lib/watch/check";
import type { WatchView } from "@/lib/watch/sources";
import { format, type Messages } from "@/lib/i18n";
import { versionPath } from "@/lib/view/url";

/** "2026-12-03 17:45 UTC": one form for both languages (times of a server-side schedule). */
const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

export function CheckLog({
  slug,
  watch,
  checks,
  t,
  checkNow,
}: {
  slug: string;
  watch: WatchView | null;
  checks: CheckRecord[];
  t: Messages;
  /** The "check now" server action, given to admins only. */
  checkNow?: ((form: FormData) => Promise<void>) | undefined;
}) {
  const m = t.watch;
  return (
    <section className="space-y-2" aria-labelledby="watch">
      <h2 id="watch" className="text-lg font-semibold">
        {m.title}
      </h2>
      {watch ? (
        <div className="space-y-1 text-sm text-stone-600" data-testid="watch-settings">
          <p>
            {format(m.every, { minutes: watch.intervalMinutes })}{" "}
            <a href={watch.url} rel="nofollow noreferrer" className="break-all">
              {watch.url}
            </a>
          </p>
          <p>
            {watch.lastCheckAt ? `${format(m.lastCheck, { time: utc(watch.lastCheckAt) })} · ` : ""}
            {format(m.nextCheck, { time: utc(watch.nextCheckAt) })}
          </p>
          {checkNow ? (
            <form action={checkNow}>
              <input type="hidden" name="slug" value={slug} />
              <button type="submit" className="rounded border border-stone-300 px-3 py-1 text-sm hover:bg-stone-50">
                {m.checkNow}
              </button>
            </form>
          ) : null}
          {watch.failureCount > 0 ? (
            <p role="alert" className="text-red-700">
              {format(m.failing, { count: watch.failureCount })}
            </p>
          ) : null}
        </div>
      ) : null}
      <h3 className="font-medium">{m.logTitle}</h3>
      {checks.length === 0 ? (
        <p className="text-sm text-stone-500">{m.noChecks}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label={m.logTitle} data-testid="check-log">
            <thead className="text-stone-500">
              <tr>
                <th className="py-1 pr-3 font-normal">{m.time}</th>
                <th className="py-1 pr-3 font-normal">{m.httpStatus}</th>
                <th className="py-1 pr-3 font-normal">{m.bytes}</th>
                <th className="py-1 pr-3 font-normal">{m.outcome}</th>
                <th className="py-1 font-normal">{m.detail}</th>
              </tr>
            </thead>
            <tbody>
              {checks.map((c, i) => (
                <tr
                  key={`${c.checkedAt}-${i}`}
                  data-outcome={c.outcome}
                  className="border-t border-stone-200 align-top"
                >
                  <td className="py-1 pr-3 whitespace-nowrap tabular-nums">{utc(c.checkedAt)}</td>
                  <td className="py-1 pr-3 tabular-nums">{c.httpStatus ?? "–"}</td>
                  <td className="py-1 pr-3 tabular-nums">{c.bytes ?? "–"}</td>
                  <td className={`py-1 pr-3 ${c.outcome === "error" ? "text-red-700" : ""}`}>
                    {m.outcomes[c.outcome]}
                  </td>
                  <td className="py-1 break-all">
                    {c.outcome === "error" ? (
                      <span>
                        <code>{c.errorCode}</code> {c.reason}
                      </span>
                    ) : c.versionKey ? (
                      <Link href={versionPath(slug, c.versionKey)}>{format(m.version, { key: c.versionKey })}</Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
