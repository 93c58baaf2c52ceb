import type { TextEdit } from 'vscode-languageserver-types';
import type { ServiceDocument } from './document.js';
import { formatText } from './language.js';

/**
 * The edits that format a document exactly as `slac fmt` does: one edit
 * replacing the whole text, or none when the text is already formatted or
 * has syntax errors (formatting broken text could lose what was typed).
 */
export function formatDocument(document: ServiceDocument): TextEdit[] {
  const result = formatText(document.text, document.file);
  if (result.diagnostics.some((d) => d.severity === 'error') || !result.changed) return [];
  return [{ range: wholeText(document.text), newText: result.text }];
}

function wholeText(text: string): TextEdit['range'] {
  const lines = text.split('\n');
  return { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]!.length } };
}
