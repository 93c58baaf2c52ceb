import { fstatSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';

/** Where a command writes; tests pass buffers instead of the process streams. */
export interface CliIo {
  stdout: (text: string) => void;
  /** Bytes for standard output, which it may keep (a report written as bytes); without it, they go to `stdout` as text. */
  stdoutBytes?: (bytes: Uint8Array) => void;
  /** Like `stdoutBytes`, but written before it returns, so the caller may reuse the bytes; only when standard output is written synchronously. */
  stdoutBytesNow?: (bytes: Uint8Array) => void;
  /**
   * Resolves once what was written to standard output has been written. Node
   * reports a failed write (ENOSPC on a full disk) from the event loop, and
   * the stream's error handler then stops the process (exit 2) before this
   * resolves: a summary printed after it never claims output that failed.
   */
  stdoutWritten?: () => Promise<void>;
  stderr: (text: string) => void;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  stderrIsTTY: boolean;
  cwd: string;
}

/** The exit status after a closed output pipe (`slac check ... | head -1`): 128 + SIGPIPE (13). */
export const BROKEN_PIPE_EXIT = 141;

let streamsGuarded = false;

/**
 * `slac check ... | head` closes the pipe early; like other command-line
 * tools, slac then stops quietly (exit 141, as for SIGPIPE) instead of dying
 * with Node's "Unhandled 'error' event" stack trace. Any other failure to write the output is one
 * line and exit status 2.
 */
function guardProcessStreams(): void {
  if (streamsGuarded) return;
  streamsGuarded = true;
  for (const [name, stream] of [['standard output', process.stdout], ['standard error', process.stderr]] as const) {
    stream.on('error', (error: NodeJS.ErrnoException) => stopOnWriteError(name, error));
  }
}

function stopOnWriteError(name: 'standard output' | 'standard error', error: NodeJS.ErrnoException): never {
  // 128 + SIGPIPE, as a shell reports a tool killed by a closed pipe: never 0, which would hide a failing verdict.
  if (error.code === 'EPIPE') process.exit(BROKEN_PIPE_EXIT);
  if (name === 'standard output') process.stderr.write(`slac: cannot write to standard output: ${error.message}\n`);
  process.exit(2);
}

export function processIo(): CliIo {
  guardProcessStreams();
  return {
    stdout: (text) => process.stdout.write(text),
    stdoutBytes: (bytes) => process.stdout.write(bytes),
    ...(stdoutIsWrittenAtOnce() ? { stdoutBytesNow: (bytes: Uint8Array) => process.stdout.write(bytes) } : {}),
    ...(stdoutIsPipe() ? { stdoutBytesNow: writeToPipeNow } : {}),
    // After the write's callback, one turn of the event loop: the error event of a failed write is emitted in it.
    stdoutWritten: () => new Promise((resolve) => process.stdout.write('', () => setImmediate(resolve))),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}

/** Standard output is a pipe or a socket (`slac check ... | gzip`). */
function stdoutIsPipe(): boolean {
  try {
    const stat = fstatSync(1);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}

let pipeBlocking: boolean | undefined;

/**
 * Writes to a standard output that is a pipe before returning. Node writes
 * to a pipe without blocking and queues what the pipe cannot take at once,
 * to be written from the event loop, which a check does not return to until
 * its report is done: a 1 GB JSON report piped to a reader slower than the
 * check was held in memory whole (1.2 GB peak, 1,000,000 tickets, `| wc -c`).
 * The pipe is therefore made blocking (libuv's `uv_stream_set_blocking`,
 * which Node's pipe handle exposes) and written with `writeSync`: the check
 * waits for its reader as it waits for a disk, and a reader that has gone
 * (`| head`) stops it at once, not after the whole check (Node reports a
 * failed pipe write only from the event loop). Only when a report is
 * written, not for `slac lsp`, whose client talks to it both ways. Should
 * that fail, each piece is copied, as for a terminal, and queued as before.
 */
function writeToPipeNow(bytes: Uint8Array): void {
  // Bytes still queued by the stream would come after these: only when it holds none.
  pipeBlocking ??= process.stdout.writableLength === 0 && makeStdoutBlocking();
  if (!pipeBlocking) {
    const copy = Buffer.allocUnsafeSlow(bytes.length);
    copy.set(bytes);
    process.stdout.write(copy);
    return;
  }
  try {
    for (let done = 0; done < bytes.length; ) done += writeSomeToStdout(bytes, done);
  } catch (error) {
    stopOnWriteError('standard output', error as NodeJS.ErrnoException);
  }
}

/** A word no one changes: waiting on it is a pause of a given length. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** What one write takes; waits a moment when another process sharing the pipe made it non-blocking again. */
function writeSomeToStdout(bytes: Uint8Array, from: number): number {
  try {
    return writeSync(1, bytes, from);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    Atomics.wait(PAUSE, 0, 0, 1);
    return 0;
  }
}

function makeStdoutBlocking(): boolean {
  const handle = (process.stdout as unknown as { _handle?: { setBlocking?: (blocking: boolean) => number } })._handle;
  return handle?.setBlocking?.(true) === 0;
}

/**
 * Whether Node writes standard output through a SyncWriteStream, which
 * writes each chunk before `write` returns and keeps no reference to it: so
 * it does for a regular file and for a character device that is not a
 * terminal (/dev/null), which libuv's uv_guess_handle reports as FILE. A
 * pipe or a terminal may queue the chunk, so it gets a copy.
 */
function stdoutIsWrittenAtOnce(): boolean {
  try {
    const stat = fstatSync(1);
    return stat.isFile() || (stat.isCharacterDevice() && !isatty(1));
  } catch {
    return false;
  }
}
