import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../cli/io.js';
import { ReportFile } from '../../cli/report-file.js';
import { WRITER_THREAD_CODE, WriterThread } from '../../cli/writer-thread.js';

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

  it('stops waiting for a thread that never starts, and says so, instead of hanging', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'slac-writer-')), 'out.bin');
    const fd = openSync(file, 'w');
    // A thread that ends without ever taking a slot, as one whose isolate could not be made.
    const thread = new WriterThread(fd, { threadCode: '', startTimeoutMs: 300 });
    expect(() => {
      for (let index = 0; index < 8; index++) thread.write(piece(1 << 20, index));
      thread.finish();
    }).toThrow('the thread that writes it did not start');
    expect(() => thread.stop()).not.toThrow();
    closeSync(fd);
  });

  it('a thread that starts after the caller gave up writes nothing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'slac-writer-')), 'out.bin');
    const fd = openSync(file, 'w');
    // The thread's own code runs only once the caller has given up (the word after the slots' and the stop
    // word: ABANDONED), whatever the machine's load: a thread that slept a fixed time raced the caller's wait.
    const gate = `{ const words = new Int32Array(require('node:worker_threads').workerData.control); while (Atomics.load(words, 5) === 0) Atomics.wait(words, 5, 0, 50); }`;
    const late = `${gate}\n${WRITER_THREAD_CODE}`;
    const thread = new WriterThread(fd, { threadCode: late, startTimeoutMs: 300 });
    expect(() => {
      for (let index = 0; index < 8; index++) thread.write(piece(1 << 20, index));
    }).toThrow('did not start');
    // Long after the thread has started: it found itself given up on, and wrote none of the slots it was handed.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    closeSync(fd);
    expect(readFileSync(file).length).toBe(0);
  });
});

describe('ReportFile', () => {
  const io: CliIo = { stdout: () => undefined, stderr: () => undefined, stderrIsTTY: false, cwd: tmpdir() };
  const twoMegabytes = 'x'.repeat(2 << 20);

  // With `--jobs N` the tickets are rendered on worker threads and every core is busy: a thread of its own to
  // write the report then only takes memory (docs/performance.md, "Memory of `--jobs 2`").
  it.each([
    ['a large report is written on a thread of its own', false, true],
    ['after writeOnCallingThread, on the calling thread', true, false],
  ])('%s, every byte in place', (_name, onCallingThread, expected) => {
    const path = join(mkdtempSync(join(tmpdir(), 'slac-report-')), 'report.json');
    const file = new ReportFile(path, io);
    if (onCallingThread) file.writeOnCallingThread();
    file.write(twoMegabytes);
    file.write(twoMegabytes);
    expect(file.writesOnThread).toBe(expected);
    file.close();
    expect(readFileSync(path, 'utf8')).toBe(twoMegabytes + twoMegabytes);
  });
});
