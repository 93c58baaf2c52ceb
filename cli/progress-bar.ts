import type { CliIo } from './io.js';

/** Logs above this size get a progress bar (when stderr is a terminal). */
const PROGRESS_BYTES = 5 * 1024 * 1024;

/** A one-line bar on stderr, drawn only on a terminal and for large logs. */
export class ProgressBar {
  private drawn = false;
  private large = false;
  private lastPercent = -1;

  constructor(
    private readonly io: CliIo,
    private readonly name: string,
  ) {}

  /** Bytes of the log read so far. */
  update(read: number, total: number): void {
    this.large = this.io.stderrIsTTY && total >= PROGRESS_BYTES;
    this.draw(`Reading ${this.name}`, read / total, `of ${(total / 1048576).toFixed(0)} MB`);
  }

  /** Tickets evaluated so far. */
  evaluating(done: number, total: number): void {
    this.draw('Evaluating tickets', done / total, `of ${total.toLocaleString('en')}`);
  }

  private draw(label: string, fraction: number, unit: string): void {
    if (!this.large) return;
    const percent = Math.min(100, Math.floor(fraction * 100));
    const key = label.length * 1000 + percent;
    if (key === this.lastPercent) return;
    this.lastPercent = key;
    const width = 30;
    const filled = Math.round((percent / 100) * width);
    this.io.stderr(`\r\u001b[K${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% ${unit}`);
    this.drawn = true;
  }

  clear(): void {
    if (!this.drawn) return;
    this.io.stderr('\r\u001b[K');
    this.drawn = false;
  }
}
