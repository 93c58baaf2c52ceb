import { describe, expect, it } from 'vitest';
import {
  CompletionRequest,
  DocumentFormattingRequest,
  FoldingRangeRequest,
  type CompletionItem,
  type FoldingRange,
  type Position,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { uriOf } from './harness/cursor.js';
import { useServer } from './harness/session.js';

// The LSP counts `\r\n`, `\n` and a bare `\r` as line ends, and so must
// every position the server sends or reads. These documents mix all three.
const client = useServer();

/** The position of `|` in `marked`, counting line ends as the LSP does. */
function lspPosition(text: string, marked: string): Position {
  const offset = text.indexOf(marked.replace('|', '')) + marked.indexOf('|');
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

const agreement = [
  'agreement Mixed {\r\n  title "Mixed line ends"\r\n  version "1.0"\r\n  effective 2026-01-01\r\n  provider "P"\r\n  client "C"\r\n}\r\n',
  'calendar Office {\r  timezone "Europe/Berlin"\r  hours Mon-Fri 09:00-17:00\r}\r',
  'severity P1 { description "Down." default }\n',
  'metric Response {\n  title "Response"\r  measures first response\r  clock Offce\r  target 4 hours\n  objective 95% monthly\n}\n',
].join('');

async function open(name: string, text: string): Promise<string> {
  const uri = uriOf(`/tmp/slac-line-ends/${name}`);
  const published = client().diagnostics(uri);
  await client().open(uri, text);
  await published;
  return uri;
}

describe('a bare CR is a line end', () => {
  it('places diagnostics on the line the client shows', async () => {
    const uri = await open('diagnostics.sla', agreement);
    const diagnostics = await client().currentDiagnostics(uri);
    const unknown = diagnostics.find((d) => d.code === 'SLA2001');
    const start = lspPosition(agreement, 'clock |Offce');
    expect(unknown?.range).toEqual({ start, end: { line: start.line, character: start.character + 'Offce'.length } });
  });

  it('completes from the words of the line the cursor is on', async () => {
    const uri = await open('completion.sla', agreement);
    const items = (await client().connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: lspPosition(agreement, 'clock |Offce'),
    })) as CompletionItem[];
    expect(items.map((item) => item.label)).toEqual(['Office']);
  });

  it('folds blocks whose lines end in a bare CR', async () => {
    const uri = await open('folding.sla', agreement);
    const ranges = (await client().connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) as FoldingRange[];
    const calendar = lspPosition(agreement, '|calendar Office');
    expect(ranges).toContainEqual(expect.objectContaining({ startLine: calendar.line, endLine: calendar.line + 3 }));
  });

  it('formats the whole document, up to its last line', async () => {
    const text = `${agreement.replace('clock Offce', 'clock Office')}calendar   Late { timezone "UTC" hours Mon 09:00-10:00 }\r`;
    const uri = await open('formatting.sla', text);
    const edits = (await client().connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    })) as TextEdit[];
    const lastLine = text.split(/\r\n|\r|\n/).length - 1;
    expect(edits).toHaveLength(1);
    expect(edits[0]!.range).toEqual({ start: { line: 0, character: 0 }, end: { line: lastLine, character: 0 } });
    expect(edits[0]!.newText).toContain('calendar Late {');
  });
});
