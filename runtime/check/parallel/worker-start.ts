import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * The worker threads of a `--jobs N` check, started before they are given
 * work. A worker takes about 0.4 s to be ready (Node's start-up of the
 * thread, then its bundle compiled and run), and its share of the log
 * waits for it: started once the log was about to be read, it kept the
 * main thread waiting about 0.25 s. Started while this thread reads the
 * agreement (`slac check` starts them first), they are ready sooner: the
 * 200,000-ticket check on two threads went from 2.22 to 2.13 s
 * (docs/check.md, "`--jobs N`").
 *
 * Until it is taken, a thread does not keep the process alive (`unref`),
 * so one that gets no work (the agreement had errors, the log turned out
 * to be checked on one thread) never holds the command up; `release` ends
 * it at once. Its failure before it was taken (a missing bundle) is kept
 * for the coordinator to report.
 */
export class CheckWorkers {
  private taken = false;
  private readonly failures: (string | undefined)[];

  private constructor(private readonly workers: Worker[]) {
    this.failures = workers.map(() => undefined);
    workers.forEach((worker, index) => {
      worker.unref();
      // A listener from the start: an 'error' event with none would be thrown in this thread.
      worker.on('error', (error) => (this.failures[index] ??= `failed: ${error.message}`));
      worker.on('exit', (code) => (this.failures[index] ??= `stopped (exit code ${code}) before the check was done`));
    });
  }

  /** `count` threads running the worker bundle, each waiting for its setup message. */
  static start(count: number, script: URL = workerScript()): CheckWorkers {
    const workers: Worker[] = [];
    try {
      for (let index = 0; index < count; index++) workers.push(new Worker(script));
    } catch (error) {
      for (const worker of workers) void worker.terminate();
      throw error;
    }
    return new CheckWorkers(workers);
  }

  get count(): number {
    return this.workers.length;
  }

  /**
   * The threads, given work: from now on each keeps the process alive
   * until it exits. `failure` says why one of them already stopped.
   */
  take(): { workers: Worker[]; failure?: string } {
    this.taken = true;
    for (const worker of this.workers) worker.ref();
    const failure = this.failures.find((reason) => reason !== undefined);
    return failure === undefined ? { workers: this.workers } : { workers: this.workers, failure };
  }

  /** Ends the threads if they were never taken; a check that took them ends them itself. */
  release(): void {
    if (this.taken) return;
    this.taken = true;
    for (const worker of this.workers) void worker.terminate();
  }
}

/**
 * dist/check-worker.mjs: beside the CLI bundle (dist/slac.mjs), three
 * folders up from this module compiled (dist/runtime/check/parallel/) or
 * from its source (runtime/check/parallel/, then dist/).
 */
export function workerScript(): URL {
  const candidates = [new URL('./check-worker.mjs', import.meta.url), new URL('../../../check-worker.mjs', import.meta.url), new URL('../../../dist/check-worker.mjs', import.meta.url)];
  return candidates.find((candidate) => existsSync(fileURLToPath(candidate))) ?? candidates[0]!;
}
