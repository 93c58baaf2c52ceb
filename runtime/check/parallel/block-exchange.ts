import { closeSync, openSync } from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import { BlockScanner, type LineBatch } from './block-scan.js';
import type { CsvSplit } from './csv-split.js';
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
  /** A CSV log's header and ticket column; none for NDJSON. */
  csv?: CsvSplit;
}

/**
 * Set by the thread that started the check when it ends early (a worker
 * failed): this thread's scan stops at its next block, and stops waiting.
 */
export interface ExchangeStop {
  stopped: boolean;
}

/**
 * Blocks scanning may be ahead of the slowest reader: enough to keep every
 * worker busy, and the main thread too while the workers start (it scans
 * every block meanwhile); the memory of the batches in flight is at most
 * this many blocks.
 */
const BLOCKS_AHEAD = 16;

/**
 * The first message of the main thread (partition 0) to each worker: the
 * number of the next block to scan, which every thread takes blocks from.
 */
interface NextBlockMessage {
  nextBlock: SharedArrayBuffer;
}

/**
 * Reads the log as `slac check --jobs N` does: each worker scans the next
 * block no one has taken (block-scan.ts), so that a worker that is ahead
 * (the main thread, while the others start) scans more of them, and sends
 * every partition the block's lines, straight to that worker (the bytes
 * shared, not copied); each worker reads its partition's lines in file
 * order into `sink` (line-blocks.ts), telling `onRead` how far it has
 * read (for a progress bar). Resolves false when the log cannot be read or
 * is not UTF-8.
 */
export async function exchangeBlocks(setup: BlockExchangeSetup, sink: LineSink, stop?: ExchangeStop, onRead?: (bytesRead: number) => void): Promise<boolean> {
  let fd: number;
  try {
    fd = openSync(setup.path, 'r');
  } catch {
    return false;
  }
  try {
    const scanner = new BlockScanner(fd, setup.size, setup.blockBytes, setup.count, setup.csv);
    const blocks = new LineBlocks(scanner.blockCount, sink, setup.index, onRead && ((blocksRead) => onRead(Math.min(setup.size, blocksRead * setup.blockBytes))));
    const progress = new Int32Array(setup.progress);
    let allReadNow = (): void => undefined;
    const allRead = new Promise<void>((resolve) => (allReadNow = resolve));
    const take = (batch: LineBatch): void => {
      blocks.take(batch);
      Atomics.store(progress, setup.index, blocks.blocksRead);
      Atomics.notify(progress, setup.index);
      if (blocks.done) allReadNow();
    };
    if (blocks.done) allReadNow();
    const scan = (nextBlock: Int32Array): void => {
      // A stopped check reads no more: its file and ports are released all the same.
      void scanBlocks(setup, scanner, progress, nextBlock, take, stop).then(() => stop?.stopped && allReadNow());
    };
    const onMessage = (message: LineBatch | NextBlockMessage): void => {
      if ('nextBlock' in message) scan(new Int32Array(message.nextBlock));
      else take(message);
    };
    for (const inbox of setup.inboxes) inbox?.on('message', onMessage);
    // The main thread makes the block counter, and sends it to each worker before any batch.
    if (setup.index === 0) {
      const counter: NextBlockMessage = { nextBlock: new SharedArrayBuffer(4) };
      for (const outbox of setup.outboxes) outbox?.postMessage(counter);
      scan(new Int32Array(counter.nextBlock));
    }
    await allRead;
    // The listener goes too: the ports outlive the reading (the worker's setup keeps them), and a listener
    // left on them kept the scanner's blocks of shared memory (about 10 MB of a 1,000,000-ticket check
    // on each thread) alive to the end of the check.
    for (const inbox of setup.inboxes) {
      inbox?.off('message', onMessage);
      inbox?.close();
    }
    return blocks.readable && !stop?.stopped;
  } finally {
    closeSync(fd);
  }
}

/**
 * Scans the blocks no other worker has taken, each only once every reader
 * is near enough behind. A block's memory is reused once every partition
 * has read it (see BlockScanner); a stopped check marks every block read,
 * and whatever a worker still reads then is thrown away.
 */
async function scanBlocks(setup: BlockExchangeSetup, scanner: BlockScanner, progress: Int32Array, nextBlock: Int32Array, takeOwn: (batch: LineBatch) => void, stop?: ExchangeStop): Promise<void> {
  for (let block = Atomics.add(nextBlock, 0, 1); block < scanner.blockCount; block = Atomics.add(nextBlock, 0, 1)) {
    await everyReaderAt(progress, block - BLOCKS_AHEAD);
    if (stop?.stopped) return;
    // The batch's bytes and line table, in SharedArrayBuffers, are shared by every partition, not copied.
    const batch = scanner.scan(block, slowestReader(progress));
    for (const outbox of setup.outboxes) outbox?.postMessage(batch);
    takeOwn(batch);
    // Lets this worker's own reader take the batches that came in meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Blocks read by every partition. */
function slowestReader(progress: Int32Array): number {
  let least = Infinity;
  for (let partition = 0; partition < progress.length; partition++) least = Math.min(least, Atomics.load(progress, partition));
  return least;
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
