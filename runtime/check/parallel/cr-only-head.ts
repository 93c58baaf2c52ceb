import { closeSync, openSync, readSync } from 'node:fs';
import { CrOnlyLineScan } from '../../log/cr-only-lines.js';

/** The pieces the first line is read in: most logs' first line ends in the first one. */
const PIECE_BYTES = 1 << 16;

/**
 * Whether an NDJSON log's lines end in a bare carriage return (see
 * cr-only-lines.ts), read from its first bytes until that is known. The
 * threads would each read the whole file as one line that is no JSON; the
 * one-thread reader refuses it once, with the command that converts it
 * (SLA4051). False when the file cannot be read: the reader says why.
 */
export function hasCrOnlyLines(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const scan = new CrOnlyLineScan('ndjson');
    const buffer = Buffer.allocUnsafe(PIECE_BYTES);
    for (let position = 0; ; ) {
      const count = readSync(fd, buffer, 0, buffer.length, position);
      if (count === 0) return scan.end();
      const verdict = scan.pushBytes(buffer.subarray(0, count));
      if (verdict !== undefined) return verdict;
      position += count;
    }
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
