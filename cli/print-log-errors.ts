import type { CheckOutcome } from '../runtime/check.js';
import type { SkippedRow } from '../runtime/evaluate/summary.js';
import { printable } from '../runtime/report/text.js';
import { formatLogError, formatSkippedRow, type LogError } from '../runtime/log/log-error.js';
import type { CliIo } from './io.js';

/**
 * Prints the errors that stopped a check, and how many there were; first the
 * rows --skip-invalid left out before they did.
 */
export function printErrors(outcome: Pick<Extract<CheckOutcome, { ok: false }>, 'errors' | 'errorCount' | 'skipped'>, io: CliIo): void {
  if (outcome.skipped !== undefined) printSkippedRows(outcome.skipped.invalidRows, outcome.skipped.rows, io, skippedBeforeErrors(outcome.errors));
  for (const error of outcome.errors) io.stderr(`${formatLogError(error)}\n`);
  const more = outcome.errorCount - outcome.errors.length;
  if (more > 0) io.stderr(`... and ${more} more error${more === 1 ? '' : 's'}.\n`);
  io.stderr(`slac: no report: the input has ${outcome.errorCount} error${outcome.errorCount === 1 ? '' : 's'}${skipInvalidHint(outcome.errors)}.\n`);
}

/**
 * The most warnings printed on stderr: 20,000 distinct unknown keys in a log
 * printed 20,000 lines (errors stop at the 50 a reader keeps). The rest are
 * counted; a JSON report lists them all.
 */
export const MAX_WARNINGS_SHOWN = 50;

/** Prints a check's warnings, the first MAX_WARNINGS_SHOWN of them, and how many more there are. */
export function printWarnings(warnings: readonly LogError[], io: CliIo, relocate: (warning: LogError) => LogError = (warning) => warning): void {
  for (const warning of warnings.slice(0, MAX_WARNINGS_SHOWN)) io.stderr(`${formatLogError(relocate(warning))}\n`);
  const more = warnings.length - MAX_WARNINGS_SHOWN;
  if (more > 0) io.stderr(`... and ${more} more warning${more === 1 ? '' : 's'} not shown; a JSON report lists them all.\n`);
}

/** The note on skipped rows that left no valid row, so no report. */
const NOTHING_LEFT = 'no valid row left to report on';

/**
 * The note on the rows --skip-invalid left out before `errors` stopped the
 * check: no valid row left only when that is the error (SLA4019, no event);
 * otherwise (SLA4053, the latest event outside the years 0000-9999) valid
 * rows are left, and "no valid row left" was untrue.
 */
export function skippedBeforeErrors(errors: readonly LogError[], made = 'report'): string {
  return errors.some((error) => error.code === 'SLA4019') ? NOTHING_LEFT : `the error below stops the ${made}`;
}

/**
 * Advice to pass --skip-invalid, when it would give a report: the errors
 * are of rows, none of the log as a whole (a header that names the wrong
 * columns stops the check with or without it).
 */
export function skipInvalidHint(errors: readonly LogError[], rowErrors = errors.some((error) => error.line > 0)): string {
  return rowErrors && !errors.some((error) => error.wholeLog === true) ? ' (pass --skip-invalid to leave invalid rows out)' : '';
}

/**
 * `--skip-invalid`: the count of the rows left out and the rows themselves go
 * to stderr, whatever the format (a CSV report has no place for them; a
 * text or JSON report lists them too, but may go to a file or a pipe), so
 * nothing is dropped without a word. Nothing is printed when no row was left out.
 */
export function printSkippedRows(invalidRows: number, skipped: readonly SkippedRow[], io: CliIo, note = 'not in the CSV report'): void {
  if (invalidRows === 0) return;
  io.stderr(`slac: ${invalidRows} invalid log row${invalidRows === 1 ? '' : 's'} skipped (${note}):\n`);
  for (const row of skipped) io.stderr(`${printable(formatSkippedRow(row))}\n`);
}
