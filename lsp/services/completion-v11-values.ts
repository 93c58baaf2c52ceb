import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-types';
import type { Declaration, StringLiteral } from '../../language/syntax/ast.js';
import type { Position } from '../../language/syntax/range.js';
import type { ServiceDocument } from './document.js';
import { siblingFileItems } from './file-paths.js';
import { trailingRunStart } from './typed-word.js';

/** A character of a value typed without its quotes (a status word, a file path). */
const VALUE_CHARACTER = /^[\w./+-]$/;

/** A value to write in double quotes, with what it is. */
export interface QuotedValue {
  value: string;
  detail?: string;
  kind?: CompletionItemKind;
}

/**
 * Values written in double quotes, offered before the opening quote
 * (`pause when status |`, `holidays from |`): the edit replaces the word
 * being typed, or a whole quoted string right after the cursor, with the
 * value in its quotes.
 */
export function quotedValueItems(values: readonly QuotedValue[], position: Position, line: string): CompletionItem[] {
  const before = line.slice(0, position.character);
  const typed = before.slice(trailingRunStart(before, (character) => VALUE_CHARACTER.test(character)));
  const rest = /^"[^"]*"?|^[\w./+-]*/.exec(line.slice(position.character))![0];
  const range = { start: { line: position.line, character: position.character - typed.length }, end: { line: position.line, character: position.character + rest.length } };
  return values.map(({ value, detail, kind }, i) => ({
    label: `"${value}"`,
    kind: kind ?? CompletionItemKind.Value,
    ...(detail ? { detail } : {}),
    filterText: value,
    sortText: String(i).padStart(4, '0'),
    textEdit: { range, newText: `"${value}"` },
  }));
}

/**
 * Completion items that replace the inside of a string end it too when the
 * string is not closed yet on the line (a client without auto-closing
 * quotes, such as a plain Neovim, would otherwise leave a syntax error).
 */
export function closingQuote(items: CompletionItem[], position: Position, line: string): CompletionItem[] {
  if (line.slice(position.character).includes('"')) return items;
  return items.map((item) => (item.textEdit && 'range' in item.textEdit ? { ...item, textEdit: { ...item.textEdit, newText: `${item.textEdit.newText}"` } } : item));
}

/** The `.ics` files or agreement files beside the document, in quotes, for `holidays from |` and `uses |`. */
export function quotedFileItems(document: ServiceDocument, use: 'ics' | 'uses', position: Position, line: string): CompletionItem[] {
  const files = siblingFileItems(document, use, position, '', line);
  return quotedValueItems(
    files.map((file) => ({ value: file.label, detail: file.detail, kind: CompletionItemKind.File })),
    position,
    line,
  );
}

/**
 * The statuses already named by a `pause when status` line of the
 * agreement (its own files and imports), for another one; those on the
 * line being written come last. A typical one when there are none yet.
 */
export function pauseStatusItems(document: ServiceDocument, position: Position, line: string, inside: boolean): CompletionItem[] {
  const onLine = new Set([...line.matchAll(/"([^"]*)"/g)].map((m) => m[1]!.trim().toLowerCase()));
  const seen = new Map<string, string>();
  for (const parse of document.analysis.files.values()) {
    for (const declaration of parse.document?.declarations ?? []) {
      for (const status of pauseStatuses(declaration)) {
        const key = status?.value?.trim().toLowerCase();
        if (key && !seen.has(key)) seen.set(key, status.value);
      }
    }
  }
  if (seen.size === 0) seen.set('on hold', 'On hold');
  const values = [...seen].sort(([a], [b]) => Number(onLine.has(a)) - Number(onLine.has(b))).map(([, value]) => ({ value, detail: 'a ticket status: the clock stops while a ticket has it' }));
  return inside ? insideStringItems(values, position, line) : quotedValueItems(values, position, line);
}

function pauseStatuses(declaration: Declaration | undefined): StringLiteral[] {
  if (declaration?.kind === 'Pause') return declaration.statuses ?? [];
  if (declaration?.kind !== 'Metric') return [];
  return (declaration.statements ?? []).flatMap((s) => (s?.kind === 'MetricPause' ? (s.statuses ?? []) : []));
}

/**
 * Values inside an open string: the edit covers what is typed after the
 * quote and the rest up to the closing quote (`closingQuote` adds a missing one).
 */
function insideStringItems(values: readonly QuotedValue[], position: Position, line: string): CompletionItem[] {
  const before = line.slice(0, position.character);
  const typed = before.slice(before.lastIndexOf('"') + 1);
  const rest = line.slice(position.character);
  const closing = rest.indexOf('"');
  const range = { start: { line: position.line, character: position.character - typed.length }, end: { line: position.line, character: position.character + (closing < 0 ? 0 : closing) } };
  return values.map(({ value, detail }, i) => ({
    label: value,
    kind: CompletionItemKind.Value,
    ...(detail ? { detail } : {}),
    sortText: String(i).padStart(4, '0'),
    textEdit: { range, newText: value },
  }));
}

/** `with Param |`: the param's value in quotes, its placeholder as the default to type over. */
export function paramValueItem(param: string, placeholder: string | undefined): CompletionItem {
  const value = (placeholder ?? param).replace(/[\\"$}]/g, '');
  return {
    label: `"${value}"`,
    kind: CompletionItemKind.Snippet,
    detail: `the value of ${param} for this client`,
    insertText: `"\${1:${value || param}}"`,
    insertTextFormat: InsertTextFormat.Snippet,
  };
}
