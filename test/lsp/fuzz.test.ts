import { describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  SemanticTokensRequest,
} from 'vscode-languageserver-protocol';
import { example, positionAt, readExample, uriOf } from './harness/cursor.js';
import { useServer } from './harness/session.js';
import { mulberry32 } from '../../scripts/seeded-random.mjs';

const client = useServer();

const fragments = [
  'metric', 'calendar', 'clock', 'hours', 'target', '{', '}', '"', '"""', '//', '/*', '*/', '99.9%', '24:00', 'Mon-',
  '2026-13-45', 'business', 'days', 'override', 'import "x.sla"', 'import "poologics.sla"', '\n', ' ', '\\', '-', ',',
  'BusinessHours', 'Critical', 'of', 'when', 'level 9 "x" at 5% of', 'objective', 'timezone "Mars/Base"', '𝄞', '\u0000', '\r\n',
];

function garbage(next: () => number): string {
  const length = 1 + Math.floor(next() * 12);
  return Array.from({ length }, () => String.fromCharCode(Math.floor(next() * 0xffff))).join('');
}

const requests: { method: string; params: (uri: string, position: { line: number; character: number }) => object }[] = [
  { method: CompletionRequest.type.method, params: (uri, position) => ({ textDocument: { uri }, position }) },
  { method: HoverRequest.type.method, params: (uri, position) => ({ textDocument: { uri }, position }) },
  { method: DefinitionRequest.type.method, params: (uri, position) => ({ textDocument: { uri }, position }) },
  { method: ReferencesRequest.type.method, params: (uri, position) => ({ textDocument: { uri }, position, context: { includeDeclaration: true } }) },
  { method: PrepareRenameRequest.type.method, params: (uri, position) => ({ textDocument: { uri }, position }) },
  { method: RenameRequest.type.method, params: (uri, position) => ({ textDocument: { uri }, position, newName: 'Renamed' }) },
  { method: DocumentSymbolRequest.type.method, params: (uri) => ({ textDocument: { uri } }) },
  { method: FoldingRangeRequest.type.method, params: (uri) => ({ textDocument: { uri } }) },
  { method: SemanticTokensRequest.type.method, params: (uri) => ({ textDocument: { uri } }) },
  { method: DocumentFormattingRequest.type.method, params: (uri) => ({ textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }) },
  {
    method: CodeActionRequest.type.method,
    params: (uri, position) => ({ textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }),
  },
];

describe('the server survives any sequence of edits', () => {
  it('answers every request after each of 300 random edits, and stays alive', async () => {
    const next = mulberry32(20261122);
    const uri = uriOf(example('hosting.sla'));
    let text = readExample('hosting.sla');
    await client().open(uri, text);
    for (let step = 0; step < 300; step++) {
      const at = Math.floor(next() * (text.length + 1));
      const roll = next();
      if (roll < 0.45) text = text.slice(0, at) + fragments[Math.floor(next() * fragments.length)] + text.slice(at);
      else if (roll < 0.8) text = text.slice(0, at) + text.slice(at + Math.floor(next() * 40));
      else text = text.slice(0, at) + garbage(next) + text.slice(at);
      await client().change(uri, text);
      const request = requests[step % requests.length]!;
      const position = positionAt(text, Math.floor(next() * (text.length + 1)));
      const answer = await client()
        .connection.sendRequest(request.method, request.params(uri, position))
        .then(() => 'answered', (error: unknown) => (error instanceof ResponseError && error.code !== -32603 ? 'refused' : `failed: ${String(error)}`));
      expect(answer, `step ${step}: ${request.method}`).toMatch(/^(answered|refused)$/);
    }
    const diagnostics = await client().currentDiagnostics(uri);
    expect(Array.isArray(diagnostics)).toBe(true);
    expect(client().exited).toBe(false);
  });
});
