/**
 * The list of files a site build wrote, kept in the site's folder, so that
 * the next build into the same folder can remove the pages it no longer
 * writes (a month outside the new span, a ticket no longer breached, a
 * client gone from the portfolio) instead of leaving them, with the figures
 * of an earlier as-of instant, at addresses readers have bookmarked. Each
 * file is listed with the SHA-256 of what was written: a file changed since
 * (a page edited by hand, a file of the same name put there by someone
 * else) is left alone, and so is everything the list does not name.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, rmdirSync, unlinkSync } from 'node:fs';
import { join, sep } from 'node:path';

/** The list's file, at the root of the site's folder (hidden: not a page). */
export const MANIFEST_FILE = '.slac-report.json';

/** What the list says it is, so that another tool's file of the same name is not read as one. */
const MANIFEST_KIND = 'slac report site';

/** The SHA-256 of a file's bytes, as the list records it. */
export function contentHash(bytes: string | Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The list's text: each file written (a path under the site's folder, `/`-separated) and its hash. */
export function manifestText(files: ReadonlyMap<string, string>): string {
  const sorted = Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ kind: MANIFEST_KIND, files: sorted }, null, 1)}\n`;
}

/** The files an earlier build into `dir` wrote; none when there is no list, or it is not one. */
export function readManifest(dir: string): Map<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'));
  } catch {
    return new Map(); // no earlier build, or one before the list was kept, or a file that is no list
  }
  const { kind, files } = (parsed ?? {}) as { kind?: unknown; files?: unknown };
  if (kind !== MANIFEST_KIND || typeof files !== 'object' || files === null) return new Map();
  return new Map(Object.entries(files).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && isSitePath(entry[0])));
}

/** What removing the earlier build's pages did. */
export interface StaleRemoval {
  removed: number;
  /** Files of the earlier build left in place, each with why (`changed since`). */
  left: { file: string; why: string }[];
}

/**
 * Removes each file the earlier build wrote (`earlier`) that this build did
 * not (`written`), when it is still a plain file inside `dir`, reached
 * through no link, with the bytes that build wrote; then the folders that
 * leaves empty. Nothing else is touched, whatever the list says.
 */
export function removeStaleFiles(dir: string, earlier: ReadonlyMap<string, string>, written: ReadonlyMap<string, string>): StaleRemoval {
  const outcome: StaleRemoval = { removed: 0, left: [] };
  const folders = new Set<string>();
  for (const [file, hash] of earlier) {
    if (written.has(file) || file === MANIFEST_FILE) continue;
    const why = whyKept(dir, file, hash);
    if (why === 'gone') continue;
    if (why !== undefined) {
      outcome.left.push({ file, why });
      continue;
    }
    try {
      unlinkSync(join(dir, file));
      outcome.removed += 1;
      for (let parts = file.split('/').slice(0, -1); parts.length > 0; parts = parts.slice(0, -1)) folders.add(parts.join('/'));
    } catch (error) {
      outcome.left.push({ file, why: `cannot be removed (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
    }
  }
  // Deepest first; a folder that still holds anything (a page of this build, a file of someone else's) stays.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(join(dir, folder));
    } catch {
      // not empty, or not ours to remove
    }
  }
  return outcome;
}

/** Why an earlier build's file stays: undefined when it may go, `gone` when it is not there. */
function whyKept(dir: string, file: string, hash: string): string | undefined {
  const parts = file.split('/');
  let path = dir;
  for (const [index, part] of parts.entries()) {
    path = join(path, part);
    let stats;
    try {
      stats = lstatSync(path);
    } catch {
      return 'gone';
    }
    const last = index === parts.length - 1;
    // A link is not followed, even to a folder: it may lead out of the site's folder.
    if (last ? !stats.isFile() : !stats.isDirectory()) return last ? 'no longer a plain file' : `${parts.slice(0, index + 1).join('/')} is no longer a plain folder`;
  }
  try {
    return contentHash(readFileSync(path)) === hash ? undefined : 'changed since';
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
}

/** A path the site could have written: relative, `/`-separated, no `.` or `..` part, nothing a file name cannot hold. */
function isSitePath(path: string): boolean {
  if (path.includes('\\') || path.includes('\0') || (sep !== '/' && path.includes(sep))) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
