import { catalogueEntry, type DiagnosticCode } from '../../language/diagnostics/catalogue.js';
import { formatMessage, printableText, type Diagnostic, type DiagnosticSeverity, type MessageArgs } from '../../language/diagnostics/diagnostic.js';

/**
 * One problem with one row of a log (or with an option of `slac check`).
 * Printed as `tickets.csv:14: key 'time': <message>`; the report's list of
 * skipped rows carries the same fields.
 */
export interface LogError {
  code: DiagnosticCode;
  severity: DiagnosticSeverity;
  /** The file as the user named it (relative paths stay relative). */
  file: string;
  /** 1-based line where the row starts; 0 for problems not tied to a line. */
  line: number;
  /** The key (column) at fault, when there is one. */
  key?: string;
  message: string;
  /** An error of the log as a whole (its header), which --skip-invalid cannot leave out as it leaves out a row. */
  wholeLog?: true;
}

/** Builds a log error from its catalogue entry, so wording lives in one place. */
export function logError(code: DiagnosticCode, file: string, line: number, key: string | undefined, args: MessageArgs = {}): LogError {
  const entry = catalogueEntry(code);
  const error: LogError = { code, severity: entry.severity, file, line, message: formatMessage(entry.message, args) };
  if (key !== undefined) error.key = key;
  return error;
}

/** `tickets.csv:14: key 'time': '...' is not ... [SLA4002]` */
export function formatLogError(error: LogError): string {
  // A file name may hold any byte but `/` and NUL: escaped as the message is.
  const file = printableText(error.file);
  const where = error.line > 0 ? `${file}:${error.line}` : file;
  const key = error.key !== undefined ? ` ${keyLabel(error.key)}` : '';
  const label = error.severity === 'warning' ? ' warning:' : '';
  return `${where}:${label}${key} ${error.message} [${error.code}]`;
}

/**
 * `key 'time':`. The key comes from the log (an NDJSON key, a CSV column), so
 * its control characters are escaped as the values quoted in the message are:
 * a key cannot drive the terminal nor forge a line. `error.key` itself stays
 * as read, for JSON output and for telling keys apart.
 */
function keyLabel(key: string): string {
  return `key '${printableText(key)}':`;
}

/** The same problem as an editor diagnostic (whole line). */
export function logErrorToDiagnostic(error: LogError): Diagnostic {
  const line = Math.max(0, error.line - 1);
  const message = error.key !== undefined ? `${keyLabel(error.key)} ${error.message}` : error.message;
  return {
    code: error.code,
    severity: error.severity,
    message,
    file: error.file,
    range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } },
  };
}

/** Orders errors by file, then line, then key: the order every output uses. */
export function compareLogErrors(a: LogError, b: LogError): number {
  return a.file.localeCompare(b.file) || a.line - b.line || (a.key ?? '').localeCompare(b.key ?? '') || a.code.localeCompare(b.code);
}
