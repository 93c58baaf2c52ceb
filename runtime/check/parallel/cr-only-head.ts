import { closeSync, openSync, readSync } from 'node:fs';
import { CrOnlyLineScan } from '../../log/cr-only-lines.js';

/** The pieces the first line is read in: most logs' first line ends in the first one. */
const PIECE_BYTES = 1 << 16;

/**
 * Whether an NDJSON log's first line holds rows joined by bare carriage
 * returns (see cr-only-lines.ts), read from its first bytes until that is
 * known: a CR-only file, or a first line of such rows before a line feed.
 * The threads would read it as one line that is no JSON, or without the
 * hint; the one-thread reader refuses a CR-only file once, with the
 * command that converts it (SLA4051), and says it of such a first line
 * (SLA4012). False when the file cannot be read: the reader says why.
 */
export function firstLineJoinsRows(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const scan = new CrOnlyLineScan('ndjson');
    const buffer = Buffer.allocUnsafe(PIECE_BYTES);
    for (let position = 0; ; ) {
      const count = readSync(fd, buffer, 0, buffer.length, position);
      if (count === 0) {
        scan.end();
        return scan.joinsRows;
      }
      if (scan.pushBytes(buffer.subarray(0, count)) !== undefined) return scan.joinsRows;
      position += count;
    }
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
