import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WriterThread } from '../../cli/writer-thread.js';

/** Pieces of every size around the ring's 1 MiB slots, each filled with its own byte. */
const PIECE_SIZES = [1, 100, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3 << 20, 17, 5 << 20, 2];

function piece(size: number, index: number): Buffer {
  return Buffer.alloc(size, 65 + (index % 26));
}

describe('WriterThread', () => {
  it('writes every byte, in the order given, through more pieces than the ring holds', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'slac-writer-')), 'out.bin');
    const fd = openSync(file, 'w');
    const thread = new WriterThread(fd);
    const pieces = PIECE_SIZES.map(piece);
    for (const bytes of pieces) {
      thread.write(bytes);
      // The caller may reuse its bytes at once: the thread has a copy.
      bytes.fill(0);
    }
    thread.finish();
    closeSync(fd);
    expect(readFileSync(file).equals(Buffer.concat(PIECE_SIZES.map(piece)))).toBe(true);
  });

  it('throws the failed write, with its code, from the next write or from finish', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'slac-writer-')), 'read-only.bin');
    writeFileSync(file, '');
    const fd = openSync(file, 'r');
    const thread = new WriterThread(fd);
    let thrown: unknown;
    try {
      // The first piece fails on the thread; a later write or finish finds out.
      for (let index = 0; index < 8; index++) thread.write(piece(1 << 20, index));
      thread.finish();
    } catch (error) {
      thrown = error;
    }
    closeSync(fd);
    expect((thrown as NodeJS.ErrnoException | undefined)?.code).toBe('EBADF');
    // Once failed, it keeps saying so; stopping never throws.
    expect(() => thread.finish()).toThrow(/EBADF|bad file descriptor/i);
    expect(() => thread.stop()).not.toThrow();
  });
});
