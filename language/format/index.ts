import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseDocument } from '../parser/index.js';
import { withLineEndingsOf } from './line-endings.js';
import { Printer } from './printer.js';
import { statementStarts } from './statement-starts.js';

export { lineEndingOf, withLineEndingsOf } from './line-endings.js';

export interface FormatResult {
  text: string;
  /** Syntax errors; when there are any the text is returned unchanged. */
  diagnostics: Diagnostic[];
  changed: boolean;
}

/**
 * Formats a `.sla` text in the one canonical layout, keeping every comment.
 * A text with syntax errors is returned unchanged with its diagnostics:
 * guessing at the meaning of broken text could lose what the author wrote.
 * Line ends between tokens are LF; see `formatKeepingLineEndings`.
 */
export function formatText(text: string, file: string): FormatResult {
  const { document, diagnostics, tokens } = parseDocument(text, file);
  if (diagnostics.length > 0) return { text, diagnostics, changed: false };
  const formatted = new Printer(text, statementStarts(document)).print(tokens);
  return { text: formatted, diagnostics: [], changed: formatted !== text };
}

/**
 * `formatText` with the line endings of the text (`withLineEndingsOf`):
 * what `slac fmt` writes and the language server's formatting returns, so
 * that a formatted CRLF file is unchanged and formatting it twice changes
 * nothing the second time.
 */
export function formatKeepingLineEndings(text: string, file: string): FormatResult {
  const result = formatText(text, file);
  if (result.diagnostics.length > 0) return result;
  const formatted = withLineEndingsOf(text, result.text);
  return { text: formatted, diagnostics: [], changed: formatted !== text };
}
