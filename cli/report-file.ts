import { printablePath } from '../language/diagnostics/diagnostic.js';
import { absoluteFile } from '../language/workspace/paths.js';
import type { JsonReportStream } from '../runtime/check.js';
import { ReportBytes } from '../runtime/report/report-bytes.js';
import { AtomicFile } from './files.js';
import type { CliIo } from './io.js';

/**
 * Where the report goes: stdout, or a file opened only when the first byte
 * is written (so a failed check leaves no half-written report), written
 * beside its destination and renamed into place when closed. Writes are
 * gathered as UTF-8 bytes (`bytes`, which a report writer may also write
 * into straight) and written synchronously, so a million tickets never pile
 * up in memory.
 */
export class ReportFile {
  jsonStream: JsonReportStream | undefined;
  /** The report's bytes, in order with `write`. */
  readonly bytes = new ReportBytes((bytes) => this.flushBytes(bytes));
  private file: AtomicFile | undefined;
  /** Large writes may go to a thread of their own (see `AtomicFile`), unless `writeOnCallingThread` said otherwise. */
  private backgroundWrites = true;

  private readonly path: string | undefined;

  constructor(
    /** The -o path as the user typed it, for messages. */
    private readonly shown: string | undefined,
    private readonly io: CliIo,
  ) {
    this.path = shown === undefined ? undefined : absoluteFile(shown, io.cwd);
  }

  write(chunk: string): void {
    this.bytes.text(chunk);
  }

  /**
   * Writes every byte on the calling thread from now on: when worker
   * threads render the tickets (`slac check --jobs N`), every core is busy
   * already, and a thread of its own to write the report took about 30 MB
   * more at 1,000,000 tickets (JSON report) for no time saved
   * (docs/performance.md, "Memory of `--jobs 2`").
   */
  writeOnCallingThread(): void {
    this.backgroundWrites = false;
    this.file?.writeOnCallingThread();
  }

  /** Whether a thread of its own writes the report's bytes (for tests). */
  get writesOnThread(): boolean {
    return this.file?.writesOnThread ?? false;
  }

  close(): void {
    try {
      this.bytes.flush();
      this.file?.commit();
    } finally {
      this.file?.discard();
      this.file = undefined;
    }
  }

  /** `bytes` is valid only during the call: standard output gets a copy, which its stream may keep, unless it writes them at once. */
  private flushBytes(bytes: Buffer): void {
    if (this.path === undefined) {
      if (this.io.stdoutBytesNow) this.io.stdoutBytesNow(bytes);
      else if (this.io.stdoutBytes) {
        // `Buffer.from(buffer)` zero-fills and copies in JavaScript; this is one memcpy.
        const copy = Buffer.allocUnsafeSlow(bytes.length);
        bytes.copy(copy);
        this.io.stdoutBytes(copy);
      }
      else this.io.stdout(bytes.toString('utf8'));
    } else {
      this.file ??= new AtomicFile(this.path, `the report to ${printablePath(this.shown!)}`, this.backgroundWrites);
      this.file.write(bytes);
    }
  }
}

