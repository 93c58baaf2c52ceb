// Snippets go only to clients that say they support them
// (`textDocument.completion.completionItem.snippetSupport`); any other
// client gets each snippet as the plain text of its defaults, since it
// inserts `insertText` as it stands. One server without the capability,
// one with it, asked the same thing.
import { describe, expect, it } from 'vitest';
import { CompletionRequest, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver-protocol';
import { snippetDefaultText } from '../../lsp/services/snippet-text.js';
import { uriOf } from './harness/cursor.js';
import { useServer } from './harness/session.js';
import type { TestClient } from './harness/client.js';

const plainClient = useServer(undefined, undefined, {});
const snippetClient = useServer();

async function itemsOfEmptyDocument(client: TestClient, name: string): Promise<CompletionItem[]> {
  const uri = uriOf(`/tmp/slac-snippet-support/${name}`);
  const published = client.diagnostics(uri);
  await client.open(uri, '');
  await published;
  const result = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } })) as
    | CompletionItem[]
    | CompletionList
    | null;
  return Array.isArray(result) ? result : (result?.items ?? []);
}

const newCalendar = 'calendar Office {\n  timezone "Europe/Berlin"\n  hours Mon-Fri 09:00-17:00\n  holidays {\n    2026-12-25 "Christmas Day"\n  }\n}';

describe('completion and the client\'s snippet support', () => {
  it('sends a client without snippet support plain text: the defaults, no $ syntax, format 1', async () => {
    const items = await itemsOfEmptyDocument(plainClient(), 'plain.sla');
    expect(items.filter((item) => item.insertTextFormat === InsertTextFormat.Snippet)).toEqual([]);
    const calendar = items.find((item) => item.label === 'calendar (new calendar)');
    expect(calendar).toMatchObject({ insertText: newCalendar, insertTextFormat: InsertTextFormat.PlainText });
    for (const item of items) expect(item.insertText ?? '', String(item.label)).not.toMatch(/\$\{?\d/);
  });

  it('sends a client with snippet support the snippets', async () => {
    const items = await itemsOfEmptyDocument(snippetClient(), 'snippets.sla');
    const calendar = items.find((item) => item.label === 'calendar (new calendar)');
    expect(calendar).toMatchObject({ insertTextFormat: InsertTextFormat.Snippet });
    expect(calendar?.insertText).toContain('${1:Office}');
    expect(snippetDefaultText(calendar!.insertText!)).toBe(newCalendar);
  });
});

/** Snippet syntax and the text a client without snippets inserts instead. */
const texts: { snippet: string; plain: string }[] = [
  { snippet: 'clock ${1:Office}', plain: 'clock Office' },
  { snippet: 'level 1 "${1:Team lead}" at ${2:50}% of ${3:Response}', plain: 'level 1 "Team lead" at 50% of Response' },
  { snippet: 'a $1 b ${2} c$0', plain: 'a  b  c' },
  { snippet: '${1:outer ${2:inner} end}', plain: 'outer inner end' },
  { snippet: '${1|monthly,quarterly|}', plain: 'monthly' },
  { snippet: '${1|a\\,b,c|} after', plain: 'a,b after' },
  { snippet: 'cost \\$5 \\} \\\\ ${1:x\\}y}', plain: 'cost $5 } \\ x}y' },
  { snippet: 'a lone $ stays, and {braces} too', plain: 'a lone $ stays, and {braces} too' },
  { snippet: '"${1:DE}"', plain: '"DE"' },
];

describe('the plain text of a snippet', () => {
  it.each(texts)('$snippet', ({ snippet, plain }) => {
    expect(snippetDefaultText(snippet)).toBe(plain);
  });
});
