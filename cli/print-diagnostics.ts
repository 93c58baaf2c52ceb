import { isAbsolute, relative } from 'node:path';
import { eastAsianWidth } from 'get-east-asian-width';
import { printablePath, printableText, type Diagnostic } from '../language/diagnostics/diagnostic.js';
import type { CliIo } from './io.js';

export type DiagnosticFormat = 'text' | 'json';

export interface PrintOptions {
  format: DiagnosticFormat;
  /** Files are printed relative to this folder. */
  cwd: string;
  /** The text of a file, for the source line under each message; undefined when unknown. */
  readSource: (file: string) => string | undefined;
  /** The files that were checked, for the summary ("hosting.sla: no problems"). */
  files?: string[];
  /** Where to write; `slac validate` writes to stdout, other commands may prefer stderr. */
  stream?: 'stdout' | 'stderr';
}

/**
 * At most this many problems are printed per file (the summary counts them
 * all): a file that is not `.sla` at all (a binary, a minified bundle) would
 * otherwise print one error per token.
 */
export const MAX_PRINTED_PER_FILE = 50;

/** Source lines longer than this are cut around the caret, so that one huge line is not printed again and again. */
export const MAX_EXCERPT_WIDTH = 120;

/** A diagnostic as `--format json` prints it: 1-based lines and columns. */
export interface JsonDiagnostic {
  file: string;
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
  severity: Diagnostic['severity'];
  code: string;
  message: string;
}

/** A path for people: relative to `cwd` when inside it, as given otherwise. */
export function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const path = relative(cwd, file);
  // The folder the command runs in is '.', as the user would type it, not nothing.
  if (path === '') return '.';
  return path.startsWith('..') || isAbsolute(path) ? file : path.split('\\').join('/');
}

/**
 * A path as text output prints it: `displayPath`, its control characters
 * escaped as a message's are. A file or folder name may hold any byte but
 * `/` and NUL, so an escape sequence or a line feed in a name would
 * otherwise drive the terminal or forge a line; a path blank at an end is
 * quoted (`printablePath`). JSON output keeps the path
 * as it is, escaped as data.
 */
export function shownPath(file: string, cwd: string): string {
  return printablePath(displayPath(file, cwd));
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Prints diagnostics the way every command shows them: for people,
 * `file:line:col: error CODE: message` with the source line and a caret
 * under the range, then a one-line summary; for tools, a JSON array.
 */
export function printDiagnostics(diagnostics: readonly Diagnostic[], io: CliIo, options: PrintOptions): void {
  const write = options.stream === 'stderr' ? io.stderr : io.stdout;
  if (options.format === 'json') {
    write(`${JSON.stringify(diagnostics.map((d) => toJson(d, options.cwd)), null, 2)}\n`);
    return;
  }
  const sources = new Map<string, string[] | undefined>();
  const linesOf = (file: string): string[] | undefined => {
    if (!sources.has(file)) sources.set(file, options.readSource(file)?.split(/\r?\n/));
    return sources.get(file);
  };
  const printed = new Map<string, number>();
  for (const diagnostic of diagnostics) {
    const count = (printed.get(diagnostic.file) ?? 0) + 1;
    printed.set(diagnostic.file, count);
    if (count <= MAX_PRINTED_PER_FILE) write(formatDiagnostic(diagnostic, options.cwd, linesOf(diagnostic.file)));
  }
  for (const [file, count] of printed) {
    if (count > MAX_PRINTED_PER_FILE) write(`${shownPath(file, options.cwd)}: ... and ${plural(count - MAX_PRINTED_PER_FILE, 'more problem')} not shown\n`);
  }
  write(`${summary(diagnostics, options)}\n`);
}

function toJson(diagnostic: Diagnostic, cwd: string): JsonDiagnostic {
  const { start, end } = diagnostic.range;
  return {
    file: displayPath(diagnostic.file, cwd),
    range: {
      start: { line: start.line + 1, column: start.character + 1 },
      end: { line: end.line + 1, column: end.character + 1 },
    },
    severity: diagnostic.severity,
    code: diagnostic.code,
    message: diagnostic.message,
  };
}

/** One diagnostic in text form, ending with a newline. */
export function formatDiagnostic(diagnostic: Diagnostic, cwd: string, lines: string[] | undefined): string {
  const { start } = diagnostic.range;
  const where = `${shownPath(diagnostic.file, cwd)}:${start.line + 1}:${start.character + 1}`;
  let text = `${where}: ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}\n`;
  text += sourceExcerpt(diagnostic, lines);
  for (const related of diagnostic.related ?? []) {
    const at = `${shownPath(related.file, cwd)}:${related.range.start.line + 1}:${related.range.start.character + 1}`;
    text += `${at}: note: ${related.message}\n`;
  }
  return text;
}

/** The source line of the diagnostic and a caret line under its range (`^~~~`), or nothing. */
function sourceExcerpt(diagnostic: Diagnostic, lines: string[] | undefined): string {
  const { start, end } = diagnostic.range;
  const line = lines?.[start.line];
  if (line === undefined) return '';
  let lastColumn = end.line === start.line ? Math.max(end.character, start.character + 1) : Math.max(line.length, start.character + 1);
  let text = line;
  let column = start.character;
  if (line.length > MAX_EXCERPT_WIDTH) {
    // A window around the caret, marked with ... where the line is cut.
    const from = Math.max(0, Math.min(column - MAX_EXCERPT_WIDTH / 2, line.length - MAX_EXCERPT_WIDTH));
    const to = Math.min(line.length, from + MAX_EXCERPT_WIDTH);
    const head = from > 0 ? '...' : '';
    text = head + line.slice(from, to) + (to < line.length ? '...' : '');
    column = column - from + head.length;
    lastColumn = Math.min(lastColumn - from, to - from + 1) + head.length;
  }
  const indent = blankLike(shownSource(text.slice(0, column)));
  const width = Math.max(1, terminalColumns(shownSource(text.slice(column, lastColumn))));
  return `${shownSource(text)}\n${indent}^${'~'.repeat(width - 1)}\n`;
}

/**
 * Source text as the excerpt shows it: a control character (ESC, a lone
 * carriage return, a C1 control, a line separator) is written as its escape,
 * as in messages, so that a file cannot drive the terminal nor forge lines.
 * Tabs stay, so that the caret line can copy them. Escaped piece by piece,
 * the caret's columns are those of the text as shown.
 */
function shownSource(text: string): string {
  return text.split('\t').map(printableText).join('\t');
}

/**
 * Blanks as wide as `text` in a terminal, keeping its tabs so that the
 * caret lines up whatever the tab width: two for a wide character (Chinese,
 * Japanese, Korean, most emoji), none for a combining mark.
 */
function blankLike(text: string): string {
  let blanks = '';
  for (const character of text) blanks += character === '\t' ? '\t' : ' '.repeat(characterColumns(character));
  return blanks;
}

/** How many terminal columns `text` takes (a tab counted as one). */
function terminalColumns(text: string): number {
  let columns = 0;
  for (const character of text) columns += characterColumns(character);
  return columns;
}

function characterColumns(character: string): number {
  if (/^\p{M}$/u.test(character)) return 0;
  // Ambiguous characters (é in some East Asian fonts) are narrow in the terminals a .sla is edited in.
  return eastAsianWidth(character.codePointAt(0)!, { ambiguousAsWide: false });
}

function summary(diagnostics: readonly Diagnostic[], options: PrintOptions): string {
  const files = options.files ?? [];
  if (diagnostics.length === 0) {
    return files.length === 1 ? `${shownPath(files[0]!, options.cwd)}: no problems` : `${plural(files.length, 'file')}: no problems`;
  }
  const count = (severity: Diagnostic['severity']): number => diagnostics.filter((d) => d.severity === severity).length;
  const parts = [
    count('error') > 0 || count('warning') === 0 ? plural(count('error'), 'error') : '',
    count('warning') > 0 ? plural(count('warning'), 'warning') : '',
    count('info') > 0 ? `${count('info')} info` : '',
  ].filter((part) => part !== '');
  const withProblems = new Set(diagnostics.map((d) => d.file)).size;
  return `${parts.join(', ')} in ${plural(withProblems, 'file')}`;
}
