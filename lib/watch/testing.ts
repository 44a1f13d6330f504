/** For tests: a local page server whose answers a test sets, and a clock that moves only when told. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ingestInProcess } from "../import/source.ts";
import type { Db } from "../db.ts";
import type { WatchDeps } from "./check.ts";
import type { Clock } from "./schedule.ts";

export interface Page {
  status?: number;
  body?: string;
  contentType?: string;
  etag?: string;
  /** Answer this long after the request (a timeout test). */
  delayMs?: number;
}

export interface PageServer {
  origin: string;
  /** The answer for a path; unknown paths answer 404. */
  set(path: string, page: Page): void;
  /** Requests received, with their conditional headers. */
  requests: { path: string; ifNoneMatch: string | null; at: number }[];
  close(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const pages = new Map<string, Page>();
  const requests: PageServer["requests"] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push({ path, ifNoneMatch: req.headers["if-none-match"] ?? null, at: Date.now() });
    const page = pages.get(path);
    const answer = () => {
      if (!page) return res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      if (page.etag && req.headers["if-none-match"] === page.etag) return res.writeHead(304).end();
      res.writeHead(page.status ?? 200, {
        "content-type": page.contentType ?? "text/html; charset=utf-8",
        ...(page.etag ? { etag: page.etag } : {}),
      });
      res.end(page.body ?? "");
    };
    if (page?.delayMs) setTimeout(answer, page.delayMs).unref();
    else answer();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    set: (path, page) => pages.set(path, page),
    requests,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface FakeClock extends Clock {
  advance(ms: number): void;
  set(at: Date | string): void;
}

export function fakeClock(start: Date | string = "2026-01-01T00:00:00Z"): FakeClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (at) => {
      t = new Date(at).getTime();
    },
  };
}

/** Watch dependencies for a test: in-process ingest, the local server allowed, no jitter. */
export function testDeps(client: Db, clock: Clock, extra: Partial<WatchDeps> = {}): WatchDeps {
  return { client, clock, ingest: ingestInProcess, fetch: { allowHosts: ["127.0.0.1"] }, random: () => 0, ...extra };
}

/** A policy page as its site serves it: the text inside some markup. */
export function policyPage(body: string, { title = "示例隐私政策", wrapper = "main" } = {}): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><nav>首页 | 帮助</nav><${wrapper} class="policy">${body}</${wrapper}><footer>© 示例</footer></body></html>`;
}
