/**
 * Server-side fetch of a policy page by URL, made safe to run on behalf of a user (no SSRF).
 * Framework-free (node:http/https only).
 *
 * Every hop (the first URL and each redirect, at most 5) is checked the same way:
 *   1. http: or https: only, no credentials in the URL;
 *   2. the host name is resolved, and every address it resolves to must be public (./address.ts),
 *      and the port must be 80 or 443, unless the host is on the allow-list (FETCH_ALLOW_HOSTS);
 *   3. the connection goes to the address that was checked (no second DNS lookup to rebind);
 * then the response must be 2xx (or a redirect), of an accepted content type, and no larger than the
 * cap (5 MB, counted after decompression); the whole fetch must finish before the deadline (15 s).
 * See docs/decisions/0010-url-fetch-safety.md.
 */
import http from "node:http";
import https from "node:https";
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";
import zlib from "node:zlib";
import type { Readable } from "node:stream";
import { blockedReason } from "./address.ts";
import { INGEST_CONFIG } from "./config.ts";

export const FETCH_DEFAULTS = {
  timeoutMs: 15_000,
  maxBytes: INGEST_CONFIG.maxBytes,
  maxRedirects: 5,
  userAgent: "policy-diff/0.1 (+https://github.com/; fetches one policy page on request)",
} as const;

/** Media types whose bodies the ingest step can turn into text. */
export const ACCEPTED_MEDIA_TYPES: ReadonlySet<string> = new Set([
  "text/html",
  "application/xhtml+xml",
  "text/plain",
  "text/markdown",
  "text/x-markdown",
]);

export type FetchErrorCode =
  | "bad_url"
  | "blocked_address"
  | "blocked_port"
  | "dns"
  | "timeout"
  | "too_large"
  | "bad_content_type"
  | "too_many_redirects"
  | "http_status"
  | "network";

export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    /** The URL of the hop that failed. */
    readonly url?: string,
    /** The values in the message (host, reason, status), for a UI to say it in its own language. */
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
    this.name = "FetchError";
  }

  /** For http_status: the status the server answered. */
  get status(): number | undefined {
    return typeof this.params.status === "number" ? this.params.status : undefined;
  }
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Hosts allowed even when they resolve to private addresses; default: none (the app passes FETCH_ALLOW_HOSTS). */
  allowHosts?: readonly string[];
  /** Name resolution, replaceable in tests; default: the system resolver, all addresses. */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
  userAgent?: string;
}

export interface FetchedDocument {
  bytes: Uint8Array;
  /** The media type without parameters, lower case, e.g. "text/html". */
  mediaType: string;
  /** The charset parameter of the Content-Type header, when there was one. */
  charset?: string;
  /** The URL the body came from (after redirects). */
  finalUrl: string;
  /** A file name for the document: from Content-Disposition or the URL's last path segment. */
  filename?: string;
  /** The HTTP status of the answer (2xx). */
  status: number;
  /** Validators for a conditional fetch next time (fetchIfChanged), when the server sent them. */
  etag?: string;
  lastModified?: string;
}

/** What a conditional fetch answers when the server says the document is unchanged (304). */
export interface NotModified {
  notModified: true;
  status: 304;
  finalUrl: string;
}

/** Validators from an earlier fetch of the same URL (its ETag and Last-Modified headers). */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

/**
 * FETCH_ALLOW_HOSTS: comma- or space-separated host names or IP literals, matched exactly
 * (case-insensitive) against the host written in the URL of each hop.
 */
export function parseAllowHosts(value: string | undefined): string[] {
  return (value ?? "")
    .split(/[\s,]+/)
    .map((h) => normaliseHost(h))
    .filter(Boolean);
}

function normaliseHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
}

async function systemResolve(hostname: string): Promise<ResolvedAddress[]> {
  return dnsLookup(hostname, { all: true, verbatim: true });
}

/** Parses and checks the URL of one hop; throws FetchError("bad_url") with the reason. */
export function checkUrl(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new FetchError("bad_url", `Not a valid URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError("bad_url", `Only http and https URLs can be fetched, not ${url.protocol}`, url.href);
  }
  if (url.username || url.password) {
    throw new FetchError("bad_url", "URLs with a user name or password are not fetched", url.href);
  }
  if (!url.hostname) throw new FetchError("bad_url", "The URL has no host", url.href);
  return url;
}

const WEB_PORTS: ReadonlySet<string> = new Set(["80", "443"]);

/** Resolves the hop's host and checks every address and the port; returns the address to connect to. */
async function checkedAddress(url: URL, allow: ReadonlySet<string>, resolve: FetchOptions["resolve"] & {}) {
  const host = normaliseHost(url.hostname);
  const allowed = allow.has(host);
  let addresses: ResolvedAddress[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      const code = (error as { code?: string }).code ?? "error";
      throw new FetchError("dns", `Could not resolve ${host} (${code})`, url.href, { host, reason: code });
    }
  }
  if (addresses.length === 0) throw new FetchError("dns", `${host} resolves to no address`, url.href, { host });
  if (!allowed) {
    for (const { address } of addresses) {
      const reason = blockedReason(address);
      if (reason) {
        throw new FetchError(
          "blocked_address",
          `Refused to fetch ${host}: it resolves to ${address}, a ${reason} address. ` +
            `Only public addresses are fetched (FETCH_ALLOW_HOSTS can allow a host).`,
          url.href,
          { host, address },
        );
      }
    }
    // url.port is "" for the scheme's default port.
    if (url.port !== "" && !WEB_PORTS.has(url.port)) {
      throw new FetchError(
        "blocked_port",
        `Refused to fetch ${url.host}: only ports 80 and 443 are fetched (FETCH_ALLOW_HOSTS can allow a host).`,
        url.href,
      );
    }
  }
  return addresses[0]!;
}

function parseContentType(header: string | undefined): { mediaType: string; charset?: string } {
  const [type = "", ...params] = (header ?? "").split(";");
  const charsetParam = params.map((p) => p.trim()).find((p) => /^charset=/i.test(p));
  const charset = charsetParam?.slice("charset=".length).replace(/^"|"$/g, "").trim();
  return { mediaType: type.trim().toLowerCase(), ...(charset ? { charset } : {}) };
}

function filenameFrom(disposition: string | undefined, url: URL): string | undefined {
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? "");
  if (m?.[1]) {
    try {
      return decodeURIComponent(m[1]);
    } catch {
      return m[1];
    }
  }
  const last = url.pathname.split("/").filter(Boolean).pop();
  if (!last) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

interface HopResult {
  response: http.IncomingMessage;
}

function requestHop(
  url: URL,
  target: ResolvedAddress,
  userAgent: string,
  signal: AbortSignal,
  extraHeaders: Record<string, string>,
): Promise<HopResult> {
  // Connect to the address that was checked, whatever the resolver would say a second time.
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "GET",
        agent: false, // one connection per fetch, never pooled: the pinned address belongs to this hop
        lookup: pinned,
        signal,
        headers: {
          "user-agent": userAgent,
          accept: "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1",
          "accept-encoding": "gzip, deflate, br",
          ...extraHeaders,
        },
      },
      (response) => resolve({ response }),
    );
    req.on("error", reject);
    req.end();
  });
}

function decoded(response: http.IncomingMessage): Readable {
  switch ((response.headers["content-encoding"] ?? "").trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return response.pipe(zlib.createGunzip());
    case "deflate":
      return response.pipe(zlib.createInflate());
    case "br":
      return response.pipe(zlib.createBrotliDecompress());
    default:
      return response;
  }
}

async function readCapped(stream: Readable, maxBytes: number, url: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    total += buf.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new FetchError("too_large", `The document is larger than ${formatBytes(maxBytes)}`, url);
    }
    chunks.push(buf);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** Fetches one document by URL under the rules above. Throws FetchError with a readable message. */
export async function fetchDocument(rawUrl: string, options: FetchOptions = {}): Promise<FetchedDocument> {
  return (await fetchUnderGuard(rawUrl, options, null)) as FetchedDocument;
}

/**
 * The same fetch, conditional on the validators of an earlier one (If-None-Match, If-Modified-Since):
 * a 304 answer is NotModified, not an error. Used by watching (lib/watch).
 */
export function fetchIfChanged(
  rawUrl: string,
  validators: Validators,
  options: FetchOptions = {},
): Promise<FetchedDocument | NotModified> {
  return fetchUnderGuard(rawUrl, options, validators);
}

async function fetchUnderGuard(
  rawUrl: string,
  options: FetchOptions,
  validators: Validators | null,
): Promise<FetchedDocument | NotModified> {
  const conditionalHeaders: Record<string, string> = {
    ...(validators?.etag ? { "if-none-match": validators.etag } : {}),
    ...(validators?.lastModified ? { "if-modified-since": validators.lastModified } : {}),
  };
  const timeoutMs = options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs;
  const maxBytes = options.maxBytes ?? FETCH_DEFAULTS.maxBytes;
  const maxRedirects = options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
  const allow = new Set(options.allowHosts ?? []);
  const resolve = options.resolve ?? systemResolve;
  const userAgent = options.userAgent ?? FETCH_DEFAULTS.userAgent;

  let url = checkUrl(rawUrl);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const timeoutError = (url: string) =>
    new FetchError("timeout", `The server did not answer within ${timeoutMs / 1000} s`, url);

  let redirects = 0;
  try {
    for (;;) {
      const target = await Promise.race([
        checkedAddress(url, allow, resolve),
        new Promise<never>((_, reject) =>
          controller.signal.addEventListener("abort", () => reject(timeoutError(url.href)), { once: true }),
        ),
      ]);
      let response: http.IncomingMessage;
      try {
        ({ response } = await requestHop(url, target, userAgent, controller.signal, conditionalHeaders));
      } catch (error) {
        if (timedOut) throw timeoutError(url.href);
        const reason = (error as { code?: string }).code ?? (error as Error).message;
        throw new FetchError("network", `Could not fetch ${url.host}: ${reason}`, url.href, { host: url.host, reason });
      }
      const status = response.statusCode ?? 0;
      if (status === 304 && validators) {
        response.resume();
        return { notModified: true, status: 304, finalUrl: url.href };
      }
      if (status >= 300 && status < 400 && status !== 304) {
        response.resume();
        const location = response.headers.location;
        if (!location) throw new FetchError("http_status", `Redirect (${status}) without a Location`, url.href);
        if (redirects >= maxRedirects) {
          throw new FetchError("too_many_redirects", `More than ${maxRedirects} redirects`, url.href);
        }
        url = checkUrl(location, url.href);
        redirects++;
        continue;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        throw new FetchError(
          "http_status",
          `The server answered ${status} ${response.statusMessage ?? ""}`.trim(),
          url.href,
          { status },
        );
      }
      const { mediaType, charset } = parseContentType(response.headers["content-type"]);
      if (!ACCEPTED_MEDIA_TYPES.has(mediaType)) {
        response.destroy();
        throw new FetchError(
          "bad_content_type",
          `The URL serves ${mediaType || "no content type"}; only HTML, plain text and Markdown pages can be imported`,
          url.href,
        );
      }
      const declared = Number(response.headers["content-length"]);
      if (Number.isFinite(declared) && declared > maxBytes) {
        response.destroy();
        throw new FetchError("too_large", `The document is larger than ${formatBytes(maxBytes)}`, url.href);
      }
      let bytes: Uint8Array;
      try {
        bytes = await readCapped(decoded(response), maxBytes, url.href);
      } catch (error) {
        if (error instanceof FetchError) throw error;
        if (timedOut) throw timeoutError(url.href);
        throw new FetchError("network", `The download failed: ${(error as Error).message}`, url.href);
      }
      const filename = filenameFrom(response.headers["content-disposition"], url);
      const etag = response.headers.etag;
      const lastModified = response.headers["last-modified"];
      return {
        bytes,
        mediaType,
        ...(charset ? { charset } : {}),
        finalUrl: url.href,
        ...(filename ? { filename } : {}),
        status,
        ...(etag ? { etag } : {}),
        ...(lastModified ? { lastModified } : {}),
      };
    }
  } finally {
    clearTimeout(timer);
  }
}

/**
 * POSTs a body to a URL under the same address rules as a fetch (for webhooks): http(s) only, every
 * address public unless the host is allowed, ports 80/443 otherwise, the connection pinned to the
 * checked address; redirects are not followed. Returns the status; throws FetchError.
 */
export async function postUnderGuard(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  options: Pick<FetchOptions, "allowHosts" | "resolve" | "timeoutMs" | "userAgent"> = {},
): Promise<number> {
  const url = checkUrl(rawUrl);
  const target = await checkedAddress(url, new Set(options.allowHosts ?? []), options.resolve ?? systemResolve);
  const timeoutMs = options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs;
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === "https:" ? https : http;
  const signal = AbortSignal.timeout(timeoutMs);
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "POST",
        agent: false,
        lookup: pinned,
        signal,
        headers: {
          "user-agent": options.userAgent ?? FETCH_DEFAULTS.userAgent,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          ...headers,
        },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    req.on("error", (error) => {
      if (signal.aborted)
        reject(new FetchError("timeout", `The receiver did not answer within ${timeoutMs / 1000} s`, url.href));
      else
        reject(
          new FetchError(
            "network",
            `Could not reach ${url.host}: ${(error as { code?: string }).code ?? error.message}`,
            url.href,
          ),
        );
    });
    req.end(body);
  });
}

/** Checks a URL and its addresses as a fetch would, without fetching (a webhook target when it is set). */
export async function checkTargetAddress(
  rawUrl: string,
  options: Pick<FetchOptions, "allowHosts" | "resolve"> = {},
): Promise<void> {
  await checkedAddress(checkUrl(rawUrl), new Set(options.allowHosts ?? []), options.resolve ?? systemResolve);
}
