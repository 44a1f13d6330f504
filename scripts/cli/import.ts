/**
 * `npm run -s policy -- import --policy SLUG FILE|FOLDER...`
 *
 * Adds one version per file to a stored policy. A folder stands for the documents directly inside it
 * (.txt, .md, .markdown, .html, .htm, .docx), in file-name order. Each version's published date comes
 * from its text, else from its file name (2022-02-11.txt, 2026-04-21_e35e091b.txt). Prints one line per
 * file: added, skipped as a duplicate (naming the stored version), or refused and why; exits 1 when any
 * file was refused. Runs against DATABASE_URL; local access to the database is the credential here
 * (the admin token guards the web and the API).
 */
import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { CliError } from "./errors.ts";
import { createDb, type Db } from "../../lib/db.ts";
import { DuplicateVersionError, UnknownPolicyError } from "../../lib/data/version-writes.ts";
import { describeWriteError } from "../../lib/import/errors.ts";
import { importVersion } from "../../lib/import/service.ts";
import { formatBytes } from "../../lib/ingest/fetch.ts";
import { MAX_DOCUMENT_BYTES, slugSchema } from "../../lib/validations/common.ts";

export const DOCUMENT_EXTENSIONS = new Set([".txt", ".md", ".markdown", ".html", ".htm", ".docx"]);

const usage = "usage: npm run -s policy -- import --policy SLUG FILE|FOLDER...";

export interface ImportIo {
  client?: Db;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

function parseArgs(args: string[]): { slug: string; paths: string[] } {
  let slug: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--policy" || a === "-p") {
      slug = args[++i];
      if (!slug) throw new CliError(`--policy needs a slug\n${usage}`, 2);
    } else if (a.startsWith("--policy=")) {
      slug = a.slice("--policy=".length);
    } else if (a === "--help" || a === "-h") {
      throw new CliError(usage, 0);
    } else if (a.startsWith("-") && a !== "-") {
      throw new CliError(`unknown option ${a}\n${usage}`, 2);
    } else {
      paths.push(a);
    }
  }
  if (!slug) throw new CliError(`--policy SLUG is required\n${usage}`, 2);
  if (!slugSchema.safeParse(slug).success) throw new CliError(`"${slug}" is not a policy slug`, 2);
  if (paths.length === 0) throw new CliError(`give at least one FILE or FOLDER\n${usage}`, 2);
  return { slug, paths };
}

/** The files to import, in order: files as given, folders expanded to their documents by name. */
async function expand(paths: string[], note: (line: string) => void): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      throw new CliError(`${p}: no such file or folder`);
    }
    if (info.isFile()) {
      files.push(p);
      continue;
    }
    if (!info.isDirectory()) throw new CliError(`${p}: not a regular file or folder`);
    const entries = (await readdir(p, { withFileTypes: true }))
      .filter((e) => e.isFile() && !e.name.startsWith("."))
      .map((e) => e.name)
      .sort();
    for (const name of entries) {
      if (DOCUMENT_EXTENSIONS.has(path.extname(name).toLowerCase())) files.push(path.join(p, name));
      else note(`ignored   ${path.join(p, name)}  (not a .txt/.md/.html/.docx document)`);
    }
  }
  return files;
}

class TooLargeError extends Error {}

/**
 * Reads a regular file, at most `maxBytes` of it: throws TooLargeError beyond that, without reading
 * the rest (a file that grows after the listing, or a device behind a link, cannot exhaust memory).
 */
export async function readFileCapped(file: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(file, "r");
  try {
    if (!(await handle.stat()).isFile()) throw new CliError(`${file}: not a regular file`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new TooLargeError(`larger than the ${formatBytes(maxBytes)} limit`);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return new Uint8Array(Buffer.concat(chunks, total));
  } finally {
    await handle.close();
  }
}

export async function runImport(args: string[], io: ImportIo = {}): Promise<number> {
  const out = io.out ?? ((l: string) => console.log(l));
  const err = io.err ?? ((l: string) => console.error(l));
  const { slug, paths } = parseArgs(args);
  const files = await expand(paths, out);
  if (files.length === 0) throw new CliError("no documents to import");
  const client = io.client ?? createDb();
  const counts = { added: 0, duplicate: 0, refused: 0 };
  try {
    for (const file of files) {
      try {
        let bytes: Uint8Array;
        try {
          bytes = await readFileCapped(file, MAX_DOCUMENT_BYTES);
        } catch (error) {
          if (!(error instanceof TooLargeError)) throw error;
          counts.refused++;
          err(`refused   ${file}  (${error.message})`);
          continue;
        }
        const { version, detection } = await importVersion(
          slug,
          { kind: "file", bytes, fileName: path.basename(file) },
          {},
          { client },
        );
        counts.added++;
        const from = detection.publishedFrom ? `date from the ${detection.publishedFrom}` : "no date found";
        out(`added     ${file}  -> version ${version.key}  (${from})`);
      } catch (error) {
        if (error instanceof UnknownPolicyError) {
          throw new CliError(`no policy "${slug}": create it first (web: /new, API: POST /api/policies)`);
        }
        if (error instanceof DuplicateVersionError) {
          counts.duplicate++;
          out(`skipped   ${file}  (duplicate of version ${error.match.key})`);
          continue;
        }
        const problem = describeWriteError(error, "file");
        if (!problem) throw error;
        counts.refused++;
        err(`refused   ${file}  (${problem.message})`);
      }
    }
  } finally {
    if (!io.client) await client.$disconnect();
  }
  out(`${counts.added} added, ${counts.duplicate} skipped as duplicates, ${counts.refused} refused`);
  return counts.refused > 0 ? 1 : 0;
}

export function run(args: string[]): Promise<number> {
  return runImport(args);
}
