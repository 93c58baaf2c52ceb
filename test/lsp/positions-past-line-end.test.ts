// A request at a character past the end of its line. The LSP says such a
// character "defaults back to the line length": at `clock Office` ending a
// line, character length + 1 is the end of Office, where hover, definition,
// references, highlights and rename answer. They answered null or nothing
// there (the position lay past every token), though the same request one
// character before answered.
import { describe, expect, it } from 'vitest';
import { uriOf } from './harness/cursor.js';
import { useServer } from './harness/session.js';

const client = useServer();

const text = [
  'calendar Office { timezone "Europe/Berlin" hours Mon-Fri 09:00-17:00 }',
  'metric M { title "😀𝒜" measures first response target 4 hours objective 95% monthly clock Office',
  '}',
  '',
].join('\n');
const line = 1;
const length = text.split('\n')[line]!.length;

const requests = [
  { method: 'textDocument/hover', extra: {} },
  { method: 'textDocument/definition', extra: {} },
  { method: 'textDocument/references', extra: { context: { includeDeclaration: true } } },
  { method: 'textDocument/documentHighlight', extra: {} },
  { method: 'textDocument/prepareRename', extra: {} },
  { method: 'textDocument/rename', extra: { newName: 'Bureau' } },
];

describe('a position past the end of its line is read as the end of the line', () => {
  it.each(requests)('$method', async ({ method, extra }) => {
    const uri = uriOf('/tmp/slac-past-line-end/a.sla');
    const published = client().diagnostics(uri);
    await client().open(uri, text);
    await published;
    const ask = (character: number): Promise<unknown> => client().connection.sendRequest(method, { textDocument: { uri }, position: { line, character }, ...extra });
    const atEnd = await ask(length);
    expect(atEnd).not.toBeNull();
    expect(atEnd).not.toEqual([]);
    expect(await ask(length + 1)).toEqual(atEnd);
    expect(await ask(1_000_000)).toEqual(atEnd);
  });
});
