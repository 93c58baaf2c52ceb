import { closeSync, openSync } from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import { BlockScanner, type LineBatch } from './block-scan.js';
import { LineBlocks, type LineSink } from './line-blocks.js';

/** How each worker reaches the others while the log is read (made by the coordinator). */
export interface BlockExchangeSetup {
  /** This worker's partition, and how many there are. */
  index: number;
  count: number;
  path: string;
  /** The log's size in bytes when the check started. */
  size: number;
  blockBytes: number;
  /** Blocks each partition has read so far (an Int32Array per partition), for flow control. */
  progress: SharedArrayBuffer;
  /** `inboxes[scanner]`: batches from that worker's blocks; null for this worker's own. */
  inboxes: (MessagePort | null)[];
  /** `outboxes[owner]`: batches for that worker; null for this worker's own. */
  outboxes: (MessagePort | null)[];
}

/**
 * Set by the thread that started the check when it ends early (a worker
 * failed): this thread's scan stops at its next block, and stops waiting.
 */
export interface ExchangeStop {
  stopped: boolean;
}

/**
 * Blocks a scanner may be ahead of the slowest reader, per worker: enough
 * to keep every worker busy, few enough that batches in flight stay small.
 */
const BLOCKS_AHEAD = 2;

/**
 * Reads the log as `slac check --jobs N` does: worker i scans blocks i,
 * i + N, i + 2N... (block-scan.ts) and sends each partition its lines,
 * straight to that worker (the bytes of a block shared, not copied); each worker reads its
 * partition's lines in file order into `sink` (line-blocks.ts). Resolves
 * false when the log cannot be read or is not UTF-8.
 */
export async function exchangeBlocks(setup: BlockExchangeSetup, sink: LineSink, stop?: ExchangeStop): Promise<boolean> {
  let fd: number;
  try {
    fd = openSync(setup.path, 'r');
  } catch {
    return false;
  }
  try {
    const scanner = new BlockScanner(fd, setup.size, setup.blockBytes, setup.count);
    const blocks = new LineBlocks(scanner.blockCount, sink);
    const progress = new Int32Array(setup.progress);
    const allRead = new Promise<void>((resolve) => {
      const take = (batch: LineBatch): void => {
        blocks.take(batch);
        Atomics.store(progress, setup.index, blocks.blocksRead);
        Atomics.notify(progress, setup.index);
        if (blocks.done) resolve();
      };
      if (blocks.done) resolve();
      for (const inbox of setup.inboxes) inbox?.on('message', take);
      // A stopped check reads no more: its file and ports are released all the same.
      void scanBlocks(setup, scanner, progress, take, stop).then(() => stop?.stopped && resolve());
    });
    await allRead;
    for (const inbox of setup.inboxes) inbox?.close();
    return blocks.readable && !stop?.stopped;
  } finally {
    closeSync(fd);
  }
}

/** Scans this worker's blocks, each only once every reader is near enough behind. */
async function scanBlocks(setup: BlockExchangeSetup, scanner: BlockScanner, progress: Int32Array, takeOwn: (batch: LineBatch) => void, stop?: ExchangeStop): Promise<void> {
  const ahead = BLOCKS_AHEAD * setup.count;
  for (let block = setup.index; block < scanner.blockCount; block += setup.count) {
    await everyReaderAt(progress, block - ahead);
    if (stop?.stopped) return;
    scanner.scan(block).forEach((batch, owner) => {
      const outbox = setup.outboxes[owner];
      // The line offsets are transferred; the bytes, in a SharedArrayBuffer, are shared by every partition.
      if (outbox) outbox.postMessage(batch, [batch.starts.buffer as ArrayBuffer, batch.ends.buffer as ArrayBuffer, batch.lines.buffer as ArrayBuffer]);
      else takeOwn(batch);
    });
    // Lets this worker's own reader take the batches that came in meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Waits until every partition has read at least `blocks` blocks. */
async function everyReaderAt(progress: Int32Array, blocks: number): Promise<void> {
  for (let partition = 0; partition < progress.length; partition++) {
    for (let read = Atomics.load(progress, partition); read < blocks; read = Atomics.load(progress, partition)) {
      const wait = (Atomics as unknown as AtomicsWithWaitAsync).waitAsync(progress, partition, read);
      if (wait.async) await wait.value;
    }
  }
}

/** `Atomics.waitAsync` (Node 16 and later), missing from TypeScript's ES2023 library. */
interface AtomicsWithWaitAsync {
  waitAsync(array: Int32Array, index: number, value: number): { async: false; value: string } | { async: true; value: Promise<string> };
}
