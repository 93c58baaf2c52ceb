import { dirname } from 'node:path';
import { confinedSourceHost } from '../language/workspace/confined-host.js';
import { nodeSourceHost, type SourceHost } from '../language/workspace/source-host.js';
import { formatFromExtension } from '../runtime/log/log-format.js';
import { isRegularFile, refuseOverwritingInput, type CommandInput } from './files.js';
import { displayPath } from './print-diagnostics.js';
import { UserError } from './user-error.js';

/** The extensions of agreements: a source, or a model compiled from one. */
const AGREEMENT_FILE = /\.sla(\.json)?$/i;

/**
 * Refuses a log named where the agreement goes. Read as `.sla`, a log gives
 * thousands of syntax errors (3,748 for the example's CSV) and never says
 * that the arguments are the wrong way round. `path` is the file, `shown`
 * its name as typed.
 */
export function refuseLogAsAgreement(path: string, shown: string, usage: string): void {
  if (isLogFile(path)) throw new UserError(`${shown} is a log, not an agreement: ${usage}.`);
}

/**
 * Whether the file is a log by its name (`.csv`, `.ndjson`, `.jsonl`). Only
 * a file: a folder, or a name that is not there, gets the usual message.
 */
export function isLogFile(path: string): boolean {
  return formatFromExtension(path) !== undefined && isRegularFile(path);
}

/** Refuses an agreement named where the log goes (`slac check a.sla b.sla`). */
export function refuseAgreementAsLog(path: string, shown: string): void {
  if (AGREEMENT_FILE.test(path) && isRegularFile(path)) throw new UserError(`${shown} is an agreement, not a log: give one agreement, then its log.`);
}

/** The `.sla` files (and `.ics` holiday files) one command reads, through one host. */
export class CliSources {
  /** Every file read successfully, by absolute path: outputs may not overwrite any. */
  readonly read = new Set<string>();
  readonly host: SourceHost;

  /**
   * Reads from the disk; unless `allowOutside`, only inside the folder of
   * `entry` (the file named on the command line), so that an import cannot
   * reach a file elsewhere on the machine. `cwd` is the folder the command
   * runs in, from which files are named as diagnostics name them.
   */
  constructor(entry: string, allowOutside: boolean, cwd: string) {
    const disk = allowOutside ? nodeSourceHost : confinedSourceHost(nodeSourceHost, dirname(entry), 'pass --allow-import-outside to read it');
    this.host = {
      readFile: (file) => {
        const text = disk.readFile(file);
        if (text !== undefined) this.read.add(file);
        return text;
      },
      unreadableReason: (file) => disk.unreadableReason?.(file) ?? 'it cannot be read',
      fileIdentity: (file) => disk.fileIdentity?.(file),
      shownPath: (file) => displayPath(file, cwd),
    };
  }

  /** Refuses an output that is one of the files read (the same file by path, link or inode). */
  refuseOverwriting(output: string, shown: string): void {
    refuseOverwritingInput(output, shown, this.inputs());
  }

  /** The files read so far (the agreement, its imports, holiday files), as inputs an output may not replace. */
  inputs(): CommandInput[] {
    return [...this.read].map((path) => ({ path, what: `a file this command reads (${path})` }));
  }
}
