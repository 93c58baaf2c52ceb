import { isAbsolute, relative } from 'node:path';
import type { Diagnostic } from '../language/diagnostics/diagnostic.js';
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
  return path.startsWith('..') || isAbsolute(path) ? file : path.split('\\').join('/');
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
  for (const diagnostic of diagnostics) write(formatDiagnostic(diagnostic, options.cwd, linesOf(diagnostic.file)));
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
  const where = `${displayPath(diagnostic.file, cwd)}:${start.line + 1}:${start.character + 1}`;
  let text = `${where}: ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}\n`;
  text += sourceExcerpt(diagnostic, lines);
  for (const related of diagnostic.related ?? []) {
    const at = `${displayPath(related.file, cwd)}:${related.range.start.line + 1}:${related.range.start.character + 1}`;
    text += `${at}: note: ${related.message}\n`;
  }
  return text;
}

/** The source line of the diagnostic and a caret line under its range (`^~~~`), or nothing. */
function sourceExcerpt(diagnostic: Diagnostic, lines: string[] | undefined): string {
  const { start, end } = diagnostic.range;
  const line = lines?.[start.line];
  if (line === undefined) return '';
  const lastColumn = end.line === start.line ? Math.max(end.character, start.character + 1) : Math.max(line.length, start.character + 1);
  // Keep tabs in the indentation so the caret lines up in any terminal.
  const indent = line.slice(0, start.character).replace(/[^\t]/g, ' ');
  return `${line}\n${indent}^${'~'.repeat(Math.max(0, lastColumn - start.character - 1))}\n`;
}

function summary(diagnostics: readonly Diagnostic[], options: PrintOptions): string {
  const files = options.files ?? [];
  if (diagnostics.length === 0) {
    return files.length === 1 ? `${displayPath(files[0]!, options.cwd)}: no problems` : `${plural(files.length, 'file')}: no problems`;
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
