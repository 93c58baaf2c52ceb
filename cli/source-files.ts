import { dirname } from 'node:path';
import { confinedSourceHost } from '../language/workspace/confined-host.js';
import { nodeSourceHost, type SourceHost } from '../language/workspace/source-host.js';
import { refuseOverwritingInput } from './files.js';

/** The `.sla` files (and `.ics` holiday files) one command reads, through one host. */
export class CliSources {
  /** Every file read successfully, by absolute path: outputs may not overwrite any. */
  readonly read = new Set<string>();
  readonly host: SourceHost;

  /**
   * Reads from the disk; unless `allowOutside`, only inside the folder of
   * `entry` (the file named on the command line), so that an import cannot
   * reach a file elsewhere on the machine.
   */
  constructor(entry: string, allowOutside: boolean) {
    const disk = allowOutside ? nodeSourceHost : confinedSourceHost(nodeSourceHost, dirname(entry), 'pass --allow-import-outside to read it');
    this.host = {
      readFile: (file) => {
        const text = disk.readFile(file);
        if (text !== undefined) this.read.add(file);
        return text;
      },
      unreadableReason: (file) => disk.unreadableReason?.(file) ?? 'it cannot be read',
    };
  }

  /** Refuses an output that is one of the files read (the same file by path, link or inode). */
  refuseOverwriting(output: string, shown: string): void {
    refuseOverwritingInput(output, shown, [...this.read].map((path) => ({ path, what: `a file this command reads (${path})` })));
  }
}
