import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/** Bytes a slot of the ring holds: the size of the pieces a report is written in. */
const SLOT_SIZE = 1 << 20;
/** Slots in the ring: while the thread writes one, the caller fills the others. */
const SLOT_COUNT = 4;

/*
 * The ring's control words (an Int32Array over shared memory). A slot's word
 * is 0 while it is free, the number of bytes to write once the caller has
 * filled it, END after the last piece, FAILED once a write has failed. The
 * thread takes the slots in order, so the bytes reach the file in the order
 * they were given.
 */
const END = -1;
const FAILED = -2;
/** Index of the word the thread sets when it stops: STOPPED_WELL or FAILED. */
const STOPPED = SLOT_COUNT;
const STOPPED_WELL = 1;
/**
 * Index of the word that says whether the thread runs: NOT_STARTED, then
 * RUNNING (set by the thread as it starts) or ABANDONED (set by the caller
 * when it gives up waiting). Both set it by compare-and-exchange, so a
 * thread that starts after the caller gave up writes nothing.
 */
const STARTED = SLOT_COUNT + 1;
const NOT_STARTED = 0;
const RUNNING = 1;
const ABANDONED = 2;
const CONTROL_WORDS = SLOT_COUNT + 2;
/**
 * A thread that has not started after this long never will (its isolate
 * could not be made: memory exhausted), and the caller, which does not
 * return to the event loop where the thread's error would be told, would
 * wait for it forever: it gives up and says so. A thread that started may
 * take any time, as a disk may.
 */
const START_TIMEOUT_MS = 30_000;
/** How often a waiting caller looks whether the thread has started. */
const WAIT_SLICE_MS = 1000;

/**
 * The thread's code, run from this text (`eval`): no file to find beside
 * the bundle, and nothing to load but Node's `fs`. It writes each slot in
 * turn, whole (a write may take only part of its bytes), frees it and wakes
 * the caller; on a failure it posts the error, marks every slot FAILED (so
 * a caller waiting on any of them wakes) and stops.
 */
export const WRITER_THREAD_CODE = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { fd, control, data, slotSize, slotCount, port } = workerData;
const words = new Int32Array(control);
const bytes = new Uint8Array(data);
function run() {
  let slot = 0;
  for (;;) {
    let length;
    while ((length = Atomics.load(words, slot)) === 0) Atomics.wait(words, slot, 0);
    if (length < 0) break;
    const start = slot * slotSize;
    for (let done = 0; done < length; ) done += writeSync(fd, bytes, start + done, length - done);
    Atomics.store(words, slot, 0);
    Atomics.notify(words, slot);
    slot = (slot + 1) % slotCount;
  }
}
// Given up on by the caller (it waited too long for this start): write nothing.
if (Atomics.compareExchange(words, ${STARTED}, ${NOT_STARTED}, ${RUNNING}) === ${NOT_STARTED}) {
  try {
    run();
    Atomics.store(words, slotCount, ${STOPPED_WELL});
    Atomics.notify(words, slotCount);
  } catch (error) {
    port.postMessage({ code: error && error.code, message: String(error && error.message) });
    for (let index = 0; index < slotCount; index++) Atomics.store(words, index, ${FAILED});
    Atomics.store(words, slotCount, ${FAILED});
    for (let index = 0; index <= slotCount; index++) Atomics.notify(words, index);
  }
}
`;

/** The error a write failed with, with its code (ENOSPC, EFBIG), as `describeWriteError` reads it. */
class WriteError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * Writes a file's bytes on a thread of its own, so that the system calls
 * (0.3 s for the gigabyte JSON report of a million tickets into this VM's
 * page cache; far more where the system makes writers wait for a slower
 * disk) run while the caller goes on making the next bytes. The caller
 * never yields to the event loop (a check runs synchronously), so the two
 * meet in shared memory: a ring of a few fixed slots, reused (fresh buffers
 * per piece cost more in zero-filling and page faults than the thread
 * saved). `write` copies bytes into the next free slot, waiting while the
 * thread is a whole ring behind (a slow disk holds the caller back instead
 * of filling memory); `finish` waits until every byte is written. A failed
 * write is thrown, with its code, by the next `write` or by `finish`. The
 * file descriptor stays the caller's: it must not be closed before `finish`
 * or `stop` returns.
 */
export class WriterThread {
  private readonly words = new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * 4));
  private readonly slots = new Uint8Array(new SharedArrayBuffer(SLOT_SIZE * SLOT_COUNT));
  private readonly port: MessagePort;
  private next = 0;
  /** True once the end was handed to the thread, or its failure seen: nothing more is handed to it. */
  private ended = false;
  /** The thread's error, once received (it is posted once). */
  private lastFailure: WriteError | undefined;
  /** When the thread was asked for (`performance.now()`). */
  private readonly created = performance.now();

  /** `options` are for tests: another thread (one that starts late, or never) and a shorter wait for its start. */
  constructor(
    fd: number,
    private readonly options: { threadCode?: string; startTimeoutMs?: number } = {},
  ) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const worker = new Worker(options.threadCode ?? WRITER_THREAD_CODE, {
      eval: true,
      workerData: { fd, control: this.words.buffer, data: this.slots.buffer, slotSize: SLOT_SIZE, slotCount: SLOT_COUNT, port: port2 },
      transferList: [port2],
    });
    // Never what keeps the process alive: after an error the caller exits without `finish`.
    worker.unref();
    this.port.unref();
  }

  /** The thread for `fd`, or undefined when Node cannot make one (the caller then writes itself). */
  static tryStart(fd: number): WriterThread | undefined {
    try {
      return new WriterThread(fd);
    } catch {
      return undefined;
    }
  }

  /** Queues a copy of `bytes`; throws why an earlier write failed. */
  write(bytes: Uint8Array): void {
    for (let start = 0; start < bytes.length; start += SLOT_SIZE) {
      const length = Math.min(SLOT_SIZE, bytes.length - start);
      const slot = this.freeSlot();
      this.slots.set(bytes.subarray(start, start + length), slot * SLOT_SIZE);
      this.hand(slot, length);
    }
  }

  /** Waits until every byte is written and the thread has stopped; throws why a write failed. */
  finish(): void {
    if (!this.ended) {
      this.ended = true;
      this.hand(this.freeSlot(), END);
    }
    let state: number;
    while ((state = Atomics.load(this.words, STOPPED)) === 0) this.wait(STOPPED, 0);
    if (state !== STOPPED_WELL) throw this.failure();
  }

  /** Stops the thread, writing what it was given, and never throws: for a file about to be removed. */
  stop(): void {
    try {
      this.finish();
    } catch {
      // the file is being removed: why it failed was said, or does not matter
    }
  }

  /** The next slot, once the thread has written it; throws why the thread failed. */
  private freeSlot(): number {
    const slot = this.next;
    let state: number;
    while ((state = Atomics.load(this.words, slot)) > 0) this.wait(slot, state);
    if (state === FAILED) {
      this.ended = true;
      throw this.failure();
    }
    this.next = (slot + 1) % SLOT_COUNT;
    return slot;
  }

  /** Waits while the word at `index` holds `value`; throws when the thread never started. */
  private wait(index: number, value: number): void {
    const started = Atomics.load(this.words, STARTED);
    if (started === RUNNING) {
      Atomics.wait(this.words, index, value);
      return;
    }
    if (started === ABANDONED) throw this.notStarted();
    Atomics.wait(this.words, index, value, WAIT_SLICE_MS);
    const late = performance.now() - this.created > (this.options.startTimeoutMs ?? START_TIMEOUT_MS);
    if (late && Atomics.compareExchange(this.words, STARTED, NOT_STARTED, ABANDONED) === NOT_STARTED) throw this.notStarted();
  }

  private notStarted(): WriteError {
    this.ended = true;
    return new WriteError('the thread that writes it did not start', undefined);
  }

  /**
   * Gives a free slot to the thread. Compare-and-exchange, not a store: a
   * thread failing at the same moment marks the free slots FAILED, and a
   * store would hide that (the caller would then wait on a slot no one frees).
   */
  private hand(slot: number, state: number): void {
    if (Atomics.compareExchange(this.words, slot, 0, state) !== 0) {
      this.ended = true;
      throw this.failure();
    }
    Atomics.notify(this.words, slot);
  }

  /** The thread's error, received now: the thread posted it before marking the slots FAILED. */
  private failure(): WriteError {
    const message = receiveMessageOnPort(this.port)?.message as { code?: string; message: string } | undefined;
    if (message === undefined) return this.lastFailure ?? new WriteError('the writer thread stopped', undefined);
    this.lastFailure = new WriteError(message.message, message.code);
    return this.lastFailure;
  }
}
