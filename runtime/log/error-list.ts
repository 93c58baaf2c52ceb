import { compareLogErrors, type LogError } from './log-error.js';

/**
 * The errors of a log. Without --skip-invalid only the first `keep` (by
 * line) are printed, so only those are kept, however many rows are bad; with
 * it every one is kept, since the report lists them all.
 */
export class LogErrorList {
  private items: LogError[] = [];
  total = 0;

  constructor(private readonly keep: number = Infinity) {}

  add(error: LogError): void {
    this.total++;
    this.items.push(error);
    if (this.items.length > 4 * this.keep + 1000) this.trim();
  }

  /** The kept errors in file and line order. */
  sorted(): LogError[] {
    this.trim();
    return this.items;
  }

  private trim(): void {
    this.items.sort(compareLogErrors);
    if (this.items.length > this.keep) this.items.length = this.keep;
  }
}
