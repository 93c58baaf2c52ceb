import { absoluteFile } from '../language/workspace/paths.js';
import type { JsonReportStream } from '../runtime/check.js';
import { AtomicFile } from './files.js';
import type { CliIo } from './io.js';

/**
 * Where the report goes: stdout, or a file opened only when the first byte
 * is written (so a failed check leaves no half-written report), written
 * beside its destination and renamed into place when closed. Writes are
 * buffered and synchronous, so a million tickets never pile up in memory.
 */
export class ReportFile {
  jsonStream: JsonReportStream | undefined;
  private file: AtomicFile | undefined;
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
      this.file?.commit();
    } finally {
      this.file?.discard();
      this.file = undefined;
    }
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    if (this.path === undefined) this.io.stdout(this.buffer);
    else {
      this.file ??= new AtomicFile(this.path, `the report to ${this.shown}`);
      this.file.write(this.buffer);
    }
    this.buffer = '';
  }
}

