import type { CompletionItem } from 'vscode-languageserver-types';
import { InsertTextFormat } from 'vscode-languageserver-types';

/**
 * The completion items as a client without snippet support must get them
 * (the LSP makes snippets conditional on `completionItem.snippetSupport`):
 * each snippet becomes the plain text a snippet client inserts when the
 * author tabs through without typing, every placeholder its default. Such
 * a client inserts `insertText` as it stands, so nothing is escaped.
 */
export function withoutSnippets(items: CompletionItem[]): CompletionItem[] {
  return items.map((item) => (item.insertTextFormat === InsertTextFormat.Snippet ? plainItem(item) : item));
}

function plainItem(item: CompletionItem): CompletionItem {
  const plain: CompletionItem = { ...item, insertTextFormat: InsertTextFormat.PlainText };
  if (item.insertText !== undefined) plain.insertText = snippetDefaultText(item.insertText);
  if (item.textEdit) plain.textEdit = { ...item.textEdit, newText: snippetDefaultText(item.textEdit.newText) };
  return plain;
}

/**
 * The text of a snippet (LSP snippet syntax) with each tab stop empty,
 * each placeholder its default (`${1:Office}` → `Office`, nested ones
 * too), each choice its first option, and `\$`, `\}`, `\\` unescaped.
 */
export function snippetDefaultText(snippet: string): string {
  return readText(snippet, 0, false).text;
}

/** Reads text from `start` up to the end, or up to the `}` that closes a placeholder when `inPlaceholder`. */
function readText(snippet: string, start: number, inPlaceholder: boolean): { text: string; end: number } {
  let text = '';
  let i = start;
  while (i < snippet.length) {
    const char = snippet[i]!;
    if (char === '\\' && '$}\\'.includes(snippet[i + 1] ?? '')) {
      text += snippet[i + 1];
      i += 2;
    } else if (char === '}' && inPlaceholder) {
      return { text, end: i };
    } else if (char === '$') {
      const stop = readTabStop(snippet, i);
      text += stop.text;
      i = stop.end;
    } else {
      text += char;
      i += 1;
    }
  }
  return { text, end: i };
}

const tabStopStart = /^\$(?:(\d+|[A-Za-z_]\w*)|\{(\d+|[A-Za-z_]\w*)([:|}])?)/;

/** A `$1`, `${1}`, `${1:default}` or `${1|a,b|}` at `start` (variables alike): its default text and where it ends. A lone `$` is itself. */
function readTabStop(snippet: string, start: number): { text: string; end: number } {
  const match = tabStopStart.exec(snippet.slice(start));
  if (!match || (match[2] !== undefined && match[3] === undefined)) return { text: '$', end: start + 1 };
  const after = start + match[0].length;
  if (match[1] !== undefined || match[3] === '}') return { text: '', end: after };
  if (match[3] === ':') {
    const inner = readText(snippet, after, true);
    return { text: inner.text, end: inner.end + 1 };
  }
  return readFirstChoice(snippet, after);
}

/** The first option of a choice `a,b|}` read from `start`, and where the choice ends. */
function readFirstChoice(snippet: string, start: number): { text: string; end: number } {
  const options: string[] = [''];
  let i = start;
  while (i < snippet.length && !(snippet[i] === '|' && snippet[i + 1] === '}')) {
    const escaped = snippet[i] === '\\' && ',|\\$}'.includes(snippet[i + 1] ?? '');
    if (!escaped && snippet[i] === ',') options.push('');
    else options[options.length - 1] += escaped ? snippet[i + 1] : snippet[i];
    i += escaped ? 2 : 1;
  }
  return { text: options[0]!, end: Math.min(i + 2, snippet.length) };
}
