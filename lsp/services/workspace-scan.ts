import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** Folders never searched for agreements: dependencies, build output and version control (hidden folders too). */
const skippedFolders = new Set(['node_modules', 'dist', 'out', 'build']);

/**
 * The most `.sla` files the workspace index holds. Every indexed file is
 * analysed for diagnostics and workspace symbols and its analysis kept:
 * a root of `/` (2,104 files, some of them multi-MB test files) took 130 s
 * and 2 GB. 5,000 is well beyond a real portfolio of agreements; 5,000
 * small files indexed and searched by workspace symbols took 3.2 s and a
 * peak of 213 MB (2026-12-03, 2 shared cores).
 */
export const MAX_INDEXED_FILES = 5_000;

/**
 * The largest file the index takes in without it being opened: 1 MiB, ten
 * times the largest real agreement (the 10 MiB source limit, MAX_SOURCE_BYTES,
 * is a hundred times it). Larger `.sla` files under a workspace folder are
 * generated test inputs, whose analysis, kept for the whole session, costs
 * far more than they bring to references or workspace symbols; opening one
 * still analyses it, up to MAX_SOURCE_BYTES.
 */
export const MAX_INDEXED_FILE_BYTES = 1024 * 1024;

/** The limits of one scan; the defaults above unless a caller (a test) sets smaller ones. */
export interface ScanLimits {
  maxFiles: number;
  maxFileBytes: number;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = { maxFiles: MAX_INDEXED_FILES, maxFileBytes: MAX_INDEXED_FILE_BYTES };

/** What a scan found, and what it left out because of a limit. */
export interface ScanResult {
  files: string[];
  /** The first file beyond `maxFiles`: the scan stopped there, and it and every file after it are left out. */
  stoppedAt?: string;
  /** Files larger than `maxFileBytes`, left out. */
  tooLarge: string[];
}

/**
 * The `.sla` files under `folder`, nearest the folder first (breadth first,
 * so a cap leaves out the deepest files), skipping hidden folders, those in
 * `skippedFolders` and symbolic links (a link to a folder above would make
 * the walk endless). At most `room` files are taken; the scan stops at the
 * next one. `pause` runs after each folder read, so a caller can let other
 * work through while a wide folder (`/`) is walked.
 */
export async function scanSlaFiles(folder: string, room: number, maxFileBytes: number, pause: () => Promise<void>): Promise<ScanResult> {
  const result: ScanResult = { files: [], tooLarge: [] };
  const queue = [folder];
  for (let next = 0; next < queue.length; next++) {
    for (const entry of entriesOf(queue[next]!)) {
      const path = join(queue[next]!, entry.name);
      if (entry.isDirectory()) {
        if (isSearched(entry.name)) queue.push(path);
      } else if (entry.isFile() && entry.name.endsWith('.sla')) {
        if (result.files.length >= room) return { ...result, stoppedAt: path };
        if (fileSize(path) > maxFileBytes) result.tooLarge.push(path);
        else result.files.push(path);
      }
    }
    await pause();
  }
  return result;
}

/** Whether a folder of this name is searched: not hidden, not one of `skippedFolders`. */
function isSearched(name: string): boolean {
  return !name.startsWith('.') && !skippedFolders.has(name);
}

/** Whether `file`, inside `folder`, lies in a folder the scan skips (a file created in node_modules stays out too). */
export function inSkippedFolder(folder: string, file: string): boolean {
  const path = relative(folder, dirname(file));
  return path !== '' && path.split(sep).some((name) => !isSearched(name));
}

/** The entries of a folder, sorted so the scan (and what a cap leaves out) is the same each time; none when unreadable. */
function entriesOf(folder: string): import('node:fs').Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return []; // unreadable or vanished: nothing to index there
  }
}

/** The size of a file in bytes; 0 when it vanished meanwhile (the analysis then reports it missing). */
export function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
