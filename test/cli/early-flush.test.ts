import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EarlyFlush } from '../../cli/early-flush.js';
import { AtomicFile } from '../../cli/files.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function scratchFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'slac-early-flush-'));
  folders.push(folder);
  return join(folder, 'report.json');
}

const openDescriptors = (): number => readdirSync('/proc/self/fd').length;

/** Lets Node's pool threads finish the requests and their callbacks run. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await new Promise((done) => setTimeout(done, 5));
}

describe('EarlyFlush', () => {
  it.each([
    { pieces: [500, 500, 500, 500, 500], requests: 2 },
    { pieces: [999], requests: 0 },
    { pieces: [1000], requests: 1 },
    { pieces: [2500], requests: 1 },
    { pieces: [400, 700, 1200, 10], requests: 2 },
  ])('asks for a flush each time 1,000 bytes have been written since the last: $pieces -> $requests', async ({ pieces, requests }) => {
    const file = scratchFile();
    const fd = openSync(file, 'w');
    const before = openDescriptors();
    const flush = new EarlyFlush(file, 1000);
    for (const size of pieces) {
      writeSync(fd, Buffer.alloc(size, 120));
      flush.wrote(size);
    }
    expect(flush.requests).toBe(requests);
    flush.close();
    await settle();
    closeSync(fd);
    expect(openDescriptors()).toBe(before - 1);
  });

  it('closes its descriptor only once every request is done, and makes none after close', async () => {
    const file = scratchFile();
    const fd = openSync(file, 'w');
    const before = openDescriptors();
    const flush = new EarlyFlush(file, 10);
    writeSync(fd, 'x'.repeat(10));
    flush.wrote(10);
    flush.close();
    // The request is still with a pool thread: its descriptor stays open until it is done.
    expect(openDescriptors()).toBe(before + 1);
    flush.wrote(10);
    expect(flush.requests).toBe(1);
    await settle();
    expect(openDescriptors()).toBe(before);
    closeSync(fd);
  });

  it('is a no-op for a file it cannot open', () => {
    const flush = new EarlyFlush(join(tmpdir(), 'slac-no-such-folder', 'report.json'), 10);
    flush.wrote(100);
    flush.close();
    expect(flush.requests).toBe(0);
  });
});

describe('AtomicFile with early flushes', () => {
  it('writes every byte of a file larger than the flush interval, and leaves no descriptor open', async () => {
    const file = scratchFile();
    const before = openDescriptors();
    const atomic = new AtomicFile(file, 'report.json');
    const piece = Buffer.alloc(16 * 1024 * 1024, 97);
    for (let i = 0; i < 5; i++) atomic.write(piece);
    atomic.commit();
    await settle();
    expect(openDescriptors()).toBe(before);
    const written = readFileSync(file);
    expect(written.length).toBe(5 * piece.length);
    expect(written.every((byte) => byte === 97)).toBe(true);
  });
});
