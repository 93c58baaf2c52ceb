import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * The name of the file an output is written into before it is renamed over
 * `file`: hidden, beside it (a rename within one folder replaces a file in
 * one step), and naming the process that writes it and its machine
 * (`.NAME.PID.HOST.RANDOM.tmp`).
 */
export function tempFileBeside(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${hostTag()}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Eight hex digits of a hash of this machine's host name. A process id
 * means something only on the machine that gave it: a folder shared over
 * the network, or mounted into containers that each number their own
 * processes, may hold the file of a writer running elsewhere under an id
 * that is free here. Only files of this host are ever removed.
 */
export function hostTag(): string {
  return createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
}

/**
 * Removes the temporary files (or folders) that writers of `file` left
 * behind when they were killed: those named by `tempFileBeside` for a process no longer
 * running. A check writes its report without yielding to Node's event loop,
 * so Ctrl-C or a CI job's timeout ends it before any handler could remove
 * the file (it can be gigabytes); the next write of the same output removes
 * it instead. A file of a process still running is another writer's, and is
 * left alone; so is a file of another host, and anything else in the folder.
 */
export function removeStaleTempFiles(file: string): void {
  const folder = dirname(file);
  const prefix = `.${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return; // an unreadable folder: the write itself says what is wrong
  }
  const host = hostTag();
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)\.([0-9a-f]{8})\.[a-z0-9]+\.tmp$/.exec(name.slice(prefix.length));
    if (match === null || match[2] !== host || isRunning(Number(match[1]))) continue;
    try {
      // A folder too: a site is staged in one (staged-folder.ts).
      rmSync(join(folder, name), { recursive: true, force: true });
    } catch {
      // not ours to remove
    }
  }
}

/** Whether a process with this id is running (EPERM: it is, as another user). */
function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
