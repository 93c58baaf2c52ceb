import { closeSync, openSync, writeSync } from 'node:fs';
import { absoluteFile } from '../language/workspace/paths.js';
import type { JsonReportStream } from '../runtime/check.js';
import { describeWriteError } from './files.js';
import type { CliIo } from './io.js';
import { UserError } from './user-error.js';

/**
 * Where the report goes: stdout, or a file opened only when the first byte
 * is written (so a failed check leaves no half-written report). Writes are
 * buffered and synchronous, so a million tickets never pile up in memory.
 */
export class ReportFile {
  jsonStream: JsonReportStream | undefined;
  private fd: number | undefined;
  private buffer = '';

  private readonly path: string | undefined;

  constructor(
    /** The -o path as the user typed it, for messages. */
    private readonly shown: string | undefined,
    private readonly io: CliIo,
  ) {
    this.path = shown === undefined ? undefined : absoluteFile(shown, io.cwd);
  }

  write(chunk: string): void {
    this.buffer += chunk;
    if (this.buffer.length >= 1 << 16) this.flush();
  }

  close(): void {
    try {
      this.flush();
    } finally {
      if (this.fd !== undefined) closeSync(this.fd);
      this.fd = undefined;
    }
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    if (this.path === undefined) this.io.stdout(this.buffer);
    else {
      if (this.fd === undefined) {
        try {
          this.fd = openSync(this.path, 'w');
        } catch (error) {
          throw new UserError(`cannot write the report to ${this.shown}: ${describeWriteError(error)}.`);
        }
      }
      try {
        writeSync(this.fd, this.buffer);
      } catch (error) {
        throw new UserError(`cannot write the report to ${this.shown}: ${describeWriteError(error)}.`);
      }
    }
    this.buffer = '';
  }
}

