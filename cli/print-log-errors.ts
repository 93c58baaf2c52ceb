import type { CheckOutcome } from '../runtime/check.js';
import { formatLogError } from '../runtime/log/log-error.js';
import type { CliIo } from './io.js';

/** Prints the errors that stopped a check, and how many there were. */
export function printErrors(outcome: Pick<Extract<CheckOutcome, { ok: false }>, 'errors' | 'errorCount'>, io: CliIo): void {
  for (const error of outcome.errors) io.stderr(`${formatLogError(error)}\n`);
  const more = outcome.errorCount - outcome.errors.length;
  if (more > 0) io.stderr(`... and ${more} more error${more === 1 ? '' : 's'}.\n`);
  const rowErrors = outcome.errors.some((error) => error.line > 0);
  const hint = rowErrors ? ' (pass --skip-invalid to leave invalid rows out)' : '';
  io.stderr(`slac: no report: the input has ${outcome.errorCount} error${outcome.errorCount === 1 ? '' : 's'}${hint}.\n`);
}
