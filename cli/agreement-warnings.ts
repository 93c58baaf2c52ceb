import type { Diagnostic } from '../language/diagnostics/diagnostic.js';
import { formatLogError, logError } from '../runtime/log/log-error.js';

/**
 * The one line `slac check`, `report` and `explain` give about an
 * agreement's warnings (SLA4060): they stop at its errors, but its warnings
 * are listed in full only by `slac validate` and `slac compile`, since a
 * check run every month should not repeat them. Some change what is checked
 * (SLA3081: `timezone "EST"` is Panama's time), so the line says how many
 * there are, their codes, and the command that lists them. Undefined when
 * there is none.
 */
export function agreementWarningsLine(agreement: string, kind: 'agreement' | 'portfolio', diagnostics: readonly Diagnostic[]): string | undefined {
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === 'warning');
  if (warnings.length === 0) return undefined;
  const codes = [...new Set(warnings.map((warning) => warning.code))].sort();
  const many = warnings.length > 1;
  const warning = logError('SLA4060', agreement, 0, undefined, {
    owner: kind === 'portfolio' ? 'the portfolio and its agreements' : 'the agreement',
    has: kind === 'portfolio' ? 'have' : 'has',
    count: warnings.length,
    warnings: many ? 'warnings' : 'warning',
    codes: codes.join(', '),
    file: agreement,
    them: many ? 'them' : 'it',
  });
  return `${formatLogError(warning)}\n`;
}
