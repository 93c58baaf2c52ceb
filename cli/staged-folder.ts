import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { removeStaleTempFiles, tempFileBeside } from './temp-files.js';

/** Where the staging folder goes: inside the destination, so that every page moves by a rename on one file system. */
const STAGING_NAME = 'slac-site';

/**
 * Writes a set of files (a report site) into a hidden folder inside `dir`
 * first, and moves them into `dir` only once every one is written: a full
 * disk, a file size limit or a bug halfway leaves `dir` as it was, not a
 * site of some new pages and some old. Each file then replaces its old
 * version in one step (a rename). Other files in `dir` are left alone, as
 * the folder may hold more than the site (`-o .`). A staging folder left by
 * a writer that was killed is removed by the next one.
 */
export async function writeStaged<T>(dir: string, write: (staging: string) => Promise<T>): Promise<T> {
  const anchor = join(dir, STAGING_NAME);
  removeStaleTempFiles(anchor);
  const staging = tempFileBeside(anchor);
  try {
    mkdirSync(staging);
    const result = await write(staging);
    moveInto(staging, dir);
    return result;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Moves every file under `from` to the same place under `to`, making folders as needed. */
function moveInto(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      mkdirSync(target, { recursive: true });
      moveInto(source, target);
    } else {
      renameSync(source, target);
    }
  }
}
