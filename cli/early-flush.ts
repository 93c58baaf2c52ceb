import { closeSync, fdatasync, openSync } from 'node:fs';

/** How many bytes written between two requests to the kernel to write the file to disk. */
export const EARLY_FLUSH_EVERY_BYTES = 64 * 1024 * 1024;

/**
 * Has the kernel write a large file to disk while the rest of it is still
 * being made, so that the `fsync` before the file is renamed into place
 * has little left to do.
 *
 * Why: with gigabytes of memory, Linux keeps a 1 GB report in its page
 * cache and writes none of it until it is asked. The commit's `fsync` then
 * wrote it all while the check waited: 1.6-1.8 s on the 2-core VM of
 * 2026-12-02, 0.12 s with a request every 64 MiB, the writing no slower
 * (bench/report-sync.mjs).
 *
 * Each request runs on one of Node's pool threads (`fdatasync` with a
 * callback), so neither the writer nor the check waits for it (a check on
 * one thread never yields to the event loop, so the callbacks may run only
 * at its end); its outcome is ignored. It goes through a descriptor of its
 * own, opened at the first request (most outputs never reach one): Linux
 * reports a writeback error once to each open file description, at its
 * first `fsync`, so an error these requests meet is still reported to the
 * commit's `fsync` on the writer's descriptor, and the file is then not
 * put in place.
 */
export class EarlyFlush {
  /** The descriptor the requests go through, once the first is due. */
  private fd: number | undefined;
  /** No more requests: closed, or the file could not be opened for them. */
  private stopped = false;
  private unflushedBytes = 0;
  private pending = 0;
  private requestsMade = 0;

  constructor(
    private readonly file: string,
    private readonly everyBytes = EARLY_FLUSH_EVERY_BYTES,
  ) {}

  /** Counts bytes just written (or handed to a writer thread), and asks for a flush every `everyBytes`. */
  wrote(bytes: number): void {
    if (this.stopped) return;
    this.unflushedBytes += bytes;
    if (this.unflushedBytes < this.everyBytes) return;
    this.unflushedBytes = 0;
    try {
      this.fd ??= openSync(this.file, 'r');
    } catch {
      // A file its writer may not read (mode 0200): the commit's fsync writes it all, as before.
      this.stopped = true;
      return;
    }
    this.pending++;
    this.requestsMade++;
    fdatasync(this.fd, () => {
      this.pending--;
      this.closeWhenIdle();
    });
  }

  /** How many requests were made (for tests). */
  get requests(): number {
    return this.requestsMade;
  }

  /** Makes no more requests, and closes the descriptor once those made are done (a descriptor closed under one could be reused by another file). */
  close(): void {
    this.stopped = true;
    this.closeWhenIdle();
  }

  private closeWhenIdle(): void {
    if (!this.stopped || this.pending > 0 || this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    try {
      closeSync(fd);
    } catch {
      // nothing to do: the descriptor only ever read
    }
  }
}
