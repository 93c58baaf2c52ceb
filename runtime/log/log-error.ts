import { catalogueEntry, type DiagnosticCode } from '../../language/diagnostics/catalogue.js';
import { formatMessage, printablePath, printableText, type Diagnostic, type DiagnosticSeverity, type MessageArgs } from '../../language/diagnostics/diagnostic.js';

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
  /**
   * A warning that counts rows (SLA4054): the event and how many rows, so
   * that readers of parts of a file (`--jobs N`) add up to one warning.
   */
  tally?: { event: string; rows: number };
}

/** Longest text of a log (a value, a key) quoted whole in a message. */
export const MAX_QUOTED_LENGTH = 200;

/** The arguments of log messages that quote the log's own text, which may be up to a line (1 MB) long. */
const QUOTED_ARGUMENTS: ReadonlySet<string> = new Set(['value', 'ticket', 'first', 'start', 'end', 'key']);

/**
 * Text of a log as a message quotes it: whole up to MAX_QUOTED_LENGTH
 * characters, else cut there and followed by `… (N more characters)`. A
 * line may be 1 MB long and 50 errors are printed: quoted whole, one bad
 * column made 50 MB of stderr. A pair of UTF-16 surrogates is never cut
 * in two; N counts code points.
 */
export function quotedText(text: string): string {
  if (text.length <= MAX_QUOTED_LENGTH) return text;
  const end = isHighSurrogate(text.charCodeAt(MAX_QUOTED_LENGTH - 1)) ? MAX_QUOTED_LENGTH - 1 : MAX_QUOTED_LENGTH;
  return `${text.slice(0, end)}… (${codePointsFrom(text, end)} more characters)`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function codePointsFrom(text: string, start: number): number {
  let count = 0;
  for (let index = start; index < text.length; index++, count++) {
    if (isHighSurrogate(text.charCodeAt(index)) && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
  }
  return count;
}

/** A log message from its template: the arguments quoting the log cut (`quotedText`), every argument escaped. */
export function logMessage(template: string, args: MessageArgs): string {
  const shown: MessageArgs = {};
  for (const [name, value] of Object.entries(args)) shown[name] = typeof value === 'string' && QUOTED_ARGUMENTS.has(name) ? quotedText(value) : value;
  return formatMessage(template, shown);
}

/**
 * Builds a log error from its catalogue entry, so wording lives in one
 * place. The message quotes the log cut (see `quotedText`), for every
 * output alike (text, JSON, the threads of --jobs N); `key` stays whole,
 * as data and for telling keys apart.
 */
export function logError(code: DiagnosticCode, file: string, line: number, key: string | undefined, args: MessageArgs = {}): LogError {
  const entry = catalogueEntry(code);
  const error: LogError = { code, severity: entry.severity, file, line, message: logMessage(entry.message, args) };
  if (key !== undefined) error.key = key;
  return error;
}

/**
 * A row `--skip-invalid` left out, as stderr and the text reports list it:
 * the line its error would have had (`tickets.csv:3: key 'ticket': missing;
 * every row names its ticket [SLA4001]`). Without its key, such a message
 * named no column (`tickets.csv:3: missing; ...`).
 */
export function formatSkippedRow(row: Pick<LogError, 'file' | 'line' | 'key' | 'message'> & { code?: string }): string {
  return `${placeOf(row)} ${row.message}${row.code === undefined ? '' : ` [${row.code}]`}`;
}

/** `tickets.csv:14: key 'time': '...' is not ... [SLA4002]` */
export function formatLogError(error: LogError): string {
  return `${placeOf(error)} ${error.message} [${error.code}]`;
}

/** `tickets.csv:14: warning: key 'time':`, what comes before a log error's message. */
function placeOf(error: Pick<LogError, 'file' | 'line' | 'key'> & { severity?: DiagnosticSeverity }): string {
  // A file name may hold any byte but `/` and NUL: escaped as the message is, quoted when blank at an end.
  const file = printablePath(error.file);
  const where = error.line > 0 ? `${file}:${error.line}` : file;
  const key = error.key !== undefined ? ` ${keyLabel(error.key)}` : '';
  const label = error.severity === 'warning' ? ' warning:' : '';
  return `${where}:${label}${key}`;
}

/**
 * `key 'time':`. The key comes from the log (an NDJSON key, a CSV column), so
 * it is cut and its control characters escaped as the values quoted in the
 * message are: a key cannot drive the terminal, forge a line, nor fill it.
 * `error.key` itself stays as read, for JSON output and for telling keys apart.
 */
function keyLabel(key: string): string {
  return `key '${printableText(quotedText(key))}':`;
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
