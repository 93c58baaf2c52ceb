import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, type BigIntStats, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { keepOwnerAndMode, makeFolders } from './files.js';
import { removeStaleTempFiles, tempFileBeside } from './temp-files.js';

/** Where the staging folder goes: inside the destination, so that every page moves by a rename on one file system. */
const STAGING_NAME = 'slac-site';

/** One file or folder of the staged set, and where it goes. */
interface StagedEntry {
  source: string;
  target: string;
  /** The path under the destination, for messages (`tickets/A.html`). */
  name: string;
  folder: boolean;
}

/**
 * Something in the destination that a staged file may not replace (a folder
 * where a page goes, or one of the command's inputs): found before anything
 * is moved, so the destination is left as it was.
 */
export class StagedConflictError extends Error {
  constructor(
    /** The path under the destination (`tickets/A.html`). */
    readonly entry: string,
    /** What is wrong with it, to follow its name (`is a folder, where ...`). */
    readonly problem: string,
  ) {
    super(`${entry} ${problem}`);
  }
}

/**
 * A move that failed once some files were in place (a rename refused after
 * every check passed): the destination holds some new files and some old.
 */
export class PartlyMovedError extends Error {
  constructor(
    readonly reason: unknown,
    readonly moved: number,
  ) {
    super(`moving the files into place failed after ${moved}`);
  }
}

/**
 * Writes a set of files (a report site) into a hidden folder inside `dir`
 * first, and moves them into `dir` only once every one is written: a full
 * disk, a file size limit or a bug halfway leaves `dir` as it was, not a
 * site of some new pages and some old. Before the first move, every target
 * is checked: a folder where a file goes or a file where a folder goes, or a
 * file `refuse` objects to (an input of the command), throws
 * StagedConflictError with `dir` untouched. Each file then replaces its old
 * version in one step (a rename), keeping its owner, group and mode. Other files in `dir` are left alone, as
 * the folder may hold more than the site (`-o .`). A staging folder left by
 * a writer that was killed is removed by the next one.
 */
export async function writeStaged<T>(dir: string, write: (staging: string) => Promise<T>, refuse: (target: string) => string | undefined = () => undefined): Promise<T> {
  const anchor = join(dir, STAGING_NAME);
  removeStaleTempFiles(anchor);
  const staging = tempFileBeside(anchor);
  try {
    mkdirSync(staging);
    const result = await write(staging);
    const entries = stagedEntries(staging, dir);
    for (const entry of entries) {
      const problem = conflictOf(entry) ?? (entry.folder ? undefined : refuse(entry.target));
      if (problem !== undefined) throw new StagedConflictError(entry.name, problem);
      if (!entry.folder) keepReplacedOwner(entry);
    }
    moveAll(entries);
    return result;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Every file and folder under `from`, folders before what they hold, with its place under `to`. */
function stagedEntries(from: string, to: string, root = from): StagedEntry[] {
  const entries: StagedEntry[] = [];
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    const folder = entry.isDirectory();
    entries.push({ source, target, name: relative(root, source), folder });
    if (folder) for (const inner of stagedEntries(source, target, root)) entries.push(inner); // not push(...): a folder may hold 100,000s
  }
  return entries;
}

/** Why the entry cannot take its place: a folder where a file goes, or anything but a folder where a folder goes. */
function conflictOf(entry: StagedEntry): string | undefined {
  let existing: Stats;
  try {
    existing = lstatSync(entry.target);
  } catch {
    return undefined; // nothing there, or a folder above it that is not one (reported for that folder)
  }
  const isFolder = existing.isDirectory() || (existing.isSymbolicLink() && isFolderThroughLink(entry.target));
  if (entry.folder && !isFolder) return 'is a file, where the report writes a folder; move it away or give -o another folder';
  if (!entry.folder && isFolder) return 'is a folder, where the report writes a file; move it away or give -o another folder';
  return undefined;
}

/**
 * A file that replaces one keeps that one's owner, group and mode, as every
 * output does (keepOwnerAndMode): root rebuilding another user's site would
 * otherwise give each page to root, mode 644 whatever it was. A folder is
 * never replaced, only filled, so it keeps its own. The staged file is
 * opened without following a link and changed only when it has no other
 * name: whatever is put into the staging folder meanwhile (it lies in a
 * folder that may be another user's), nothing else is given away.
 */
function keepReplacedOwner(entry: StagedEntry): void {
  let existing: BigIntStats;
  try {
    existing = lstatSync(entry.target, { bigint: true });
  } catch {
    return; // nothing to replace
  }
  if (!existing.isFile()) return;
  const fd = openSync(entry.source, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const staged = fstatSync(fd, { bigint: true });
    if (!staged.isFile() || staged.nlink !== 1n) return;
    if (staged.uid === existing.uid && staged.gid === existing.gid && staged.mode === existing.mode) return;
    keepOwnerAndMode(fd, existing);
  } finally {
    closeSync(fd);
  }
}

function isFolderThroughLink(path: string): boolean {
  try {
    return lstatSync(`${path}/.`).isDirectory();
  } catch {
    return false;
  }
}

/** Renames each file into place, making folders as needed; a failure part way says how far it got. */
function moveAll(entries: readonly StagedEntry[]): void {
  let moved = 0;
  for (const entry of entries) {
    try {
      if (entry.folder) makeFolders(entry.target);
      else renameSync(entry.source, entry.target), moved++;
    } catch (error) {
      if (moved === 0) throw error;
      throw new PartlyMovedError(error, moved);
    }
  }
}
